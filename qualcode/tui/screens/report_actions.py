"""Writing the Word report from a screen: ask where and how (ReportDialog), confirm before
replacing a file, then write it in a worker thread on its own connection to the project, so
the screen stays responsive, and say when it is done."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from qualcode.core.errors import QualcodeError
from qualcode.store import Store
from qualcode.tui.context import project_of
from qualcode.tui.screens.dialogs import Confirm
from qualcode.tui.screens.report_dialog import ReportDialog, ReportRequest
from qualcode.tui.web import offer_download

if TYPE_CHECKING:
    from textual.screen import Screen

    Base = Screen[None]
else:
    Base = object


class ReportActions(Base):
    def action_report(self) -> None:
        project = project_of(self)
        attributes = list(project.store.attributes.types())

        def replace(yes: bool | None, request: ReportRequest) -> None:
            if yes:
                self.start_report(request)

        def chosen(request: ReportRequest | None) -> None:
            if request is None:
                return
            if request.path.exists():
                self.app.push_screen(Confirm(f"Replace {request.path.name}?", str(request.path)),
                                     lambda yes: replace(yes, request))
            else:
                self.start_report(request)

        self.app.push_screen(ReportDialog(project.path, attributes), chosen)

    def start_report(self, request: ReportRequest) -> None:
        self.notify(f"Writing the report to {request.path.name}…", timeout=3)
        self.write_report(project_of(self).path, request)

    @work(thread=True, exclusive=True, group="report")
    def write_report(self, project: Path, request: ReportRequest) -> None:
        from qualcode.services.report import ReportOptions, write_report  # python-docx: slow

        options = ReportOptions(by=request.by, pseudonymise=request.pseudonymise)
        try:
            with Store.open(project) as store:
                data = write_report(store, request.path, options)
        except (QualcodeError, OSError) as err:
            self.app.call_from_thread(self.notify, f"Report not written: {err}",
                                      severity="error", timeout=8)
            return
        quotes = sum(len(s.quotes) for s in data.sections)
        done = (f"Report written: {request.path} ({len(data.sections)} code sections, "
                f"{quotes} key quotes{', pseudonymised' if request.pseudonymise else ''})")
        self.app.call_from_thread(self.notify, done, title="Report", timeout=8)
        for warning in data.warnings:
            self.app.call_from_thread(self.notify, warning, title="Report warning",
                                      severity="warning", timeout=10)
        self.app.call_from_thread(offer_download, self.app, request.path)  # in a browser tab
