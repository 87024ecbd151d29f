"""The base of every area's screen (F2..F8): areas stay mounted, and coming back to one
repaints it without restyling it.

Textual restyles a resumed screen's whole tree (``ScreenResume.refresh_styles``), which also
empties every widget's rendered-line caches, so the first frame after an area switch redrew
every table cell from scratch. Nothing an area shows changes its styles while it is hidden
without Textual noting it: class changes restyle their node at once, and a theme or CSS
change is caught by ``switch_mode`` itself (``refresh_css`` when the CSS changed since).
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class AreaScreen(Screen[None]):
    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (Textual calls each class's handler, subclass
        # first): the restyle is only needed when the CSS changed, which Textual already did.
        if self._css_update_count == self.app._css_update_count:
            event.refresh_styles = False
