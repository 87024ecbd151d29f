"""One key, one meaning: no screen binds a key twice, no screen or widget takes a key the
whole app uses (F2 was both "workbench" and "rename code"), and no key a widget binds is
dead because its screen grabs it first. The screens and widgets are discovered (every
qualcode class with bindings; every area mounted in each of its tabs), so ones added later
are checked too. Also: keys remapped from the user's keys file."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from textual.actions import parse as parse_action
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import TabbedContent

from qualcode.core.errors import InputError
from qualcode.tui.app import AREAS, QualcodeApp, create_app
from qualcode.tui.keymap import name_bindings, our_classes
from tests.tui.conftest import CODER


def meaning(node: DOMNode, action: str) -> tuple[str, str]:
    """Who acts and what: "app.help" bound anywhere means the app's help."""
    target, name, _ = parse_action(action)
    owner = {"app": "app", "screen": "screen"}.get(target, type(node).__name__)
    return owner, f"{name}({_})" if _ else name


def own_bindings(cls: type[DOMNode]) -> dict[str, list[Binding]]:
    """The keys qualcode's own classes bind (Textual's built-in ones, such as ctrl+c that
    copies a selection or quits, are Textual's design, not ours)."""
    found: dict[str, list[Binding]] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("qualcode.tui") and "BINDINGS" in vars(klass):
            for binding in vars(klass)["BINDINGS"]:
                for made in Binding.make_bindings([binding]):
                    found.setdefault(made.key, []).append(made)
    return found


def app_keys() -> dict[str, str]:
    return {key: bindings[0].action for key, bindings in own_bindings(QualcodeApp).items()}


def test_every_screen_and_widget_class_is_found() -> None:
    names = {cls.__name__ for cls in our_classes()}
    assert {"WorkbenchScreen", "SuggestionsScreen", "SynthesisScreen", "AnalysisScreen",
            "CodePicker", "HelpScreen", "TranscriptView", "CodebookTree",
            "ThemeReview"} <= names


def test_no_class_takes_a_key_the_whole_app_uses() -> None:
    """The app's keys (areas, undo, help, jumps) mean the same on every screen."""
    global_keys = app_keys()
    clashes = []
    for cls in our_classes():
        if issubclass(cls, QualcodeApp):
            continue
        for key, bindings in own_bindings(cls).items():
            if key in global_keys:
                for b in bindings:
                    if parse_action(b.action)[:2] != ("app", global_keys[key]):
                        clashes.append(f"{cls.__name__}: {key} -> {b.action} "
                                       f"(the app's {key} is {global_keys[key]})")
    assert not clashes, clashes


def test_dialogs_bind_each_key_once() -> None:
    """Classes that are not areas have no modes: a key bound twice is a conflict."""
    areas = {area.screen for area in AREAS}
    clashes = []
    for cls in our_classes():
        if cls in areas:
            continue
        for key, bindings in own_bindings(cls).items():
            actions = {b.action for b in bindings}
            if len(actions) > 1:
                clashes.append(f"{cls.__name__}: {key} -> {sorted(actions)}")
    assert not clashes, clashes


def conflicts_in_focus_chain(app: QualcodeApp) -> list[str]:
    """For each focusable widget of the current screen: keys bound twice (both enabled) on
    one node, and keys a widget binds that an ancestor's priority binding makes dead."""
    found = []
    screen = app.screen
    for widget in [w for w in screen.walk_children(with_self=False) if w.focusable]:
        chain = list(widget.ancestors_with_self)
        by_key: dict[str, list[tuple[int, DOMNode, Binding]]] = defaultdict(list)
        for depth, node in enumerate(chain):
            for key, bindings in node._bindings.key_to_bindings.items():
                for b in bindings:
                    target, name, params = parse_action(b.action)
                    actor = {"app": app, "screen": screen}.get(target, node)
                    if actor.check_action(name, params) is not False:
                        by_key[key].append((depth, node, b))
        for key, entries in by_key.items():
            per_node = defaultdict(set)
            for _, node, b in entries:
                per_node[id(node)].add(meaning(node, b.action))
            found += [f"{type(widget).__name__} {key}: {sorted(m)}"
                      for m in per_node.values() if len(m) > 1]
            for depth, node, b in entries:
                shadow = [(d, n, p) for d, n, p in entries
                          if d > depth and p.priority and not b.priority
                          and meaning(n, p.action) != meaning(node, b.action)]
                found += [f"{type(widget).__name__} {key}: {b.action} is dead, "
                          f"{type(n).__name__} takes it first ({p.action})"
                          for _, n, p in shadow]
    return found


@pytest.mark.asyncio
async def test_no_key_means_two_things_in_any_area(demo_path: Path) -> None:
    app = create_app(demo_path, CODER)
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for area in AREAS:
            app.action_area(area.mode)
            await pilot.pause()
            tabs = list(app.screen.query(TabbedContent))
            states = [(t, pane.id) for t in tabs for pane in t.query("TabPane")] or [(None, "")]
            for tabbed, pane in states:
                if tabbed is not None:
                    tabbed.active = pane or ""
                    await pilot.pause()
                problems += [f"{area.mode}/{pane}: {p}" for p in conflicts_in_focus_chain(app)]
    assert not sorted(set(problems)), sorted(set(problems))


@pytest.mark.asyncio
async def test_keys_file_remaps_a_binding(tmp_path: Path, demo_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"WorkbenchScreen.code[c]" = "ctrl+k"\n', encoding="utf-8")
    assert {"WorkbenchScreen.code[c]", "WorkbenchScreen.code[enter]"} <= name_bindings()
    app = create_app(demo_path, CODER, keys=keys)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J", "ctrl+k")
        assert type(app.screen).__name__ == "CodePicker"  # the picker, on the new key


@pytest.mark.parametrize(("text", "problem"), [
    ('[keys]\n"NoSuch.thing" = "k"\n', "no binding has the id 'NoSuch.thing'"),
    ("[keys\n", "not a readable keys file"),
    ('[keys]\n"WorkbenchScreen.code[c]" = 3\n', "needs keys as a string"),
])
def test_a_bad_keys_file_is_one_line_naming_it(tmp_path: Path, demo_path: Path, text: str,
                                               problem: str) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        create_app(demo_path, CODER, keys=keys)
    assert str(keys) in str(err.value) and problem in str(err.value)
    assert "\n" not in str(err.value)
