# qualcode: `make run` opens the demo project, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := demo.qualcode

.PHONY: run serve test lint bench demo docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,model]'
	touch $(STAMP)

# Built only when absent: the demo project may hold the user's own coding, never overwrite it.
$(DEMO): | $(STAMP)
	$(BIN)/qualcode --project $(DEMO) demo

demo: $(DEMO)

run: $(DEMO)
	$(BIN)/qualcode --project $(DEMO)

# The same workbench in a web browser: prints the address to open.
serve: $(DEMO)
	$(BIN)/qualcode --project $(DEMO) serve

# The type checker runs beside the tests, not before them: the test workers leave a core idle
# for much of the run (processes started and killed, TUI pauses), so it costs no wall time.
# Its report is printed after theirs; either failing fails the target.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	@$(BIN)/mypy qualcode > $(VENV)/mypy.out 2>&1 & typing=$$!; \
	$(BIN)/python -m pytest -n 2 -q; tests=$$?; \
	wait $$typing; typed=$$?; cat $(VENV)/mypy.out; \
	test $$tests -eq 0 && test $$typed -eq 0

# The README's command reference (from the real `--help`) and ARCHITECTURE.md's import list
# (from the code), regenerated; tests/test_readme.py and test_architecture.py
# fail while they are out of date.
docs: $(STAMP)
	$(BIN)/cog -r README.md ARCHITECTURE.md

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) $(DEMO) $(DEMO)-wal $(DEMO)-shm
