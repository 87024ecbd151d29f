"""The footer of keys, rebuilt only when the keys it shows change.

Textual's ``Footer`` removes and mounts all its key widgets on every focus move and every
``refresh_bindings`` (several times in one area switch, each costing a restyle of a dozen
widgets); most of those times it would show the same keys again. This one compares what it
would show with what it shows and rebuilds only on a difference.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        if not self.is_attached:  # its screen closed meanwhile
            return
        wanted = self.shown_keys()
        if wanted != self._shown:
            self._shown = wanted
            await self.recompose()

    def shown_keys(self) -> Hashable:
        """What ``compose`` would show: each shown key with its label, state and tooltip."""
        app = self.app
        return (self.compact, self.show_command_palette, tuple(
            (key, binding.action, binding.description, app.get_key_display(binding),
             enabled, tooltip, binding.show)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING))
