"""The command palette (ctrl+p): every action of the app and of the screen it was opened on.

Screens list their commands in ``palette_commands()`` (a screen without that method offers
its key bindings); the app adds its own (areas, undo, redo, reload, help, theme).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App

_COMMAND = re.compile(r"command\('(\w+)'\)")
_KEY_NAMES = {"slash": "/", "greater_than_sign": ">", "less_than_sign": "<",
              "left_square_bracket": "[", "right_square_bracket": "]", "escape": "Esc",
              "delete": "Del", "question_mark": "?", "enter": "Enter"}


@dataclass(frozen=True)
class PaletteCommand:
    title: str
    help: str
    action: str  # an action of ``target``, e.g. "code" or "codebook('rename')"
    target: Widget | App[Any]  # a screen or the app: what has ``run_action``


def keys_of(binding: Binding) -> str:
    return " or ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in binding.key.split(","))


def entries(bindings: Iterable[BindingType], where: str,
            wrap: str = "{action}") -> list[tuple[str, str, str]]:
    """(title, help, action) per bound action; ``wrap`` turns a widget's action (or its
    ``command('x')``) into one of the screen's."""
    found: dict[str, tuple[str, str, str]] = {}
    for binding in bindings:
        if not isinstance(binding, Binding) or binding.action in found:
            continue
        command = _COMMAND.fullmatch(binding.action)
        action = wrap.format(action=command.group(1) if command else binding.action)
        title = binding.tooltip or binding.description
        found[binding.action] = (title, f"{where}: {keys_of(binding)}", action)
    return list(found.values())


def commands_of(node: Widget | App[Any]) -> list[PaletteCommand]:
    found = getattr(node, "palette_commands", None)
    listed = found() if found is not None else entries(getattr(node, "BINDINGS", []), "key")
    return [PaletteCommand(title, help_text, action, node) for title, help_text, action in listed]


class QualcodeCommands(Provider):
    def _commands(self) -> list[PaletteCommand]:
        return commands_of(self.screen) + commands_of(self.app)

    @staticmethod
    def _run(command: PaletteCommand) -> Any:
        return partial(command.target.run_action, command.action)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, self._run(command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = max(matcher.match(command.title), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), self._run(command),
                          help=command.help)
