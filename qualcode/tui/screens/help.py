"""The keys of the workbench, on one page (? or F1)."""

from __future__ import annotations

import re
from functools import cache

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

HELP = """\
## Moving and selecting (transcript)
- **↓ ↑ or j k**: next / previous turn (its first sentence, or all of it after `t`)
- **J K**: next / previous respondent turn
- **→ ← or l h**: next / previous sentence
- **shift+→ shift+← or > <**: end of the selection one word further / back
- **[ ]**: start of the selection one word back / further
- **s t**: select the sentence / the whole turn
- **n N**: next / previous coding
- **mouse**: click a sentence, drag over words, double-click a turn

## Coding
- **c or Enter**: code the selection: type to filter, Enter applies, ctrl+n makes a new code
  (at the top level, or under a parent typed first: `Parent > Name`)
- **1 … 9**: apply the code pinned to that key
- **x r**: remove a coding here / resize it to the selection
- **m D**: memo on a coding here / on the document
- **i**: mark a coding as a key quote (or unmark it)
- **ctrl+z ctrl+y**: undo / redo (the same history as `qualcode undo`); the cursor stays put

## Finding
- **/**: search the whole project; Enter jumps to a hit
- **f F**: show only one code's segments / show everything
- **g**: retrieval: every segment of a code across documents, by attribute
- **ctrl+o ctrl+f** (or alt+← alt+→): back to where you were before a jump / forward again
- **z**: maximise the transcript (again: back to the panels)

## Code suggestions in the transcript (dotted ┊ in the margin, italic text)
- **o O**: next / previous suggestion; the border below names the code suggested here
- **y u**: accept / reject the suggestion under the selection (a rejection is remembered)
- **Y**: accept every suggestion in the document at or above a confidence

## Suggestions (f3)
- **1 2**: themes / code suggestions; **f**: find themes or suggest codes (runs in the background)
- **a**: accept a theme as a new code, or a code suggestion; **m**: merge a theme into a code;
  for a theme, first review its passages: untick the ones that do not belong (ctrl+a all,
  ctrl+n none, ctrl+u only those nobody coded yet), ctrl+s codes the ticked ones
- **x**: reject; **A**: accept every code suggestion at or above a confidence
- **Enter**: on a theme, its quotes; on a quote or a suggestion, show it in the transcript

## Synthesis (f4)
- **f m**: findings / matrix; **e or Enter**: write the code's finding, or edit the cell
- **p x**: pick a key quote from the code's codings / unpick one
- **Enter or s** on a quote: show its source
- **D**: define the matrix (codes, rating scale; ctrl+a all, ctrl+n none, ctrl+l top level
  only); **1 … 9 0**: rate the cell / clear it
- **ctrl+d** in a cell: put in the draft built from the case's coded segments

## Analysis (f5)
- **a**: split by a case attribute; **n**: count segments / documents / cases
- **u**: roll up sub-codes into their parents
- **o f**: co-occurrence / frequencies; **t**: sort the pairs
- **w** (in f4 and f5): write the Word report

## Speakers (f6)
- review every speaker with a sample line and the evidence for their role;
  **i r**: interviewer / respondent everywhere; **n**: rename or merge

## Team (f7)
- agreement per code between two coders; each disagreement with both codings
- **1 2 b x**: keep the first coder's / the second's / both / neither, as the consensus
- **u**: compare characters, sentences, turns or documents; **o**: open the place
- **V** in the workbench: whose codings to show (hide a colleague's to code independently)

## Privacy (f8)
- the identifier register: **r k e**: replace / keep / generalise; **R K**: the whole kind
- **n p**: next / previous place it occurs; **s**: scan the documents

## Codings in this turn (when the list has focus)
- **Enter**: select the coding's span (then resize it with the selection keys and r)
- **x r m i**: remove / resize to the selection / memo / key quote

## Retrieval (g)
- **c**: choose the code; **s**: with or without its sub-codes
- **a**: filter by a case attribute and value; **Enter**: jump to the segment; **Esc**: back

## Codebook (when the tree has focus)
- **Enter**: code the selection with the highlighted code
- **a A**: add a sub-code / a top-level code
- **e v C p**: rename / move / recolour / pin to a number key
- **m M x**: memo on the code / merge it into another / delete it
- **f g**: filter the transcript by it / retrieve its segments

## Everywhere
- **tab shift+tab**: move between panels; d documents, b codebook, Esc transcript
- **f2 f3 f4 f5**: the coding workbench / suggestions / synthesis / analysis;
  **f6 f7 f8**: speakers / team / privacy
- **ctrl+p**: every command, searchable ("Key panel" docks the keys at the side)
- **ctrl+r**: reload from the project file (another qualcode may have changed it)
- **ctrl+t**: light or dark theme
- **ctrl+q**: quit (everything is already saved; next time opens where you left off)
- keys can be remapped in ~/.config/qualcode/keys.toml (see the README)
"""

_BOLD = re.compile(r"\*\*(.+?)\*\*|`(.+?)`")


@cache
def help_text() -> Text:
    """The page as styled text: a Static shows it at once, where a Markdown widget (a widget
    per block) took most of a second to open the first time."""
    text = Text()
    for line in HELP.splitlines():
        if not line.strip():
            continue  # a heading brings its own blank line
        if line.startswith("## "):
            text.append(("\n" if text else "") + line[3:] + "\n", style="bold underline")
            continue
        line = "• " + line[2:] if line.startswith("- ") else line
        cursor = 0
        for match in _BOLD.finditer(line):
            text.append(line[cursor:match.start()])
            text.append(match.group(1) or match.group(2),
                        style="bold" if match.group(1) else "italic")
            cursor = match.end()
        text.append(line[cursor:] + "\n")
    return text


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "modals.tcss"
    # ? and F1 close it too: the app's help action toggles (one key, one meaning everywhere).
    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close"),
                Binding("question_mark,f1", "app.help", "Close", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("qualcode keys", classes="title")
            with VerticalScroll(id="help-body"):
                yield Static(help_text(), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
