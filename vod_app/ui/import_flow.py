"""The import flow: File → Import catalog… and Add folder…, run off the GUI thread with progress,
cancel, a summary and the status line.

Strings keep the "MainWindow" translation context they had before this flow left the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from vod_app.tasks import CancelToken, TaskRunner
from vod_app.ui.folder_dialogs import ImportSummaryDialog
from vod_app.ui.formatting import plural_fallback
from vod_app.ui.labels import plain_label
from vod_app.ui.preferences import Preferences


class ImportFlow(QObject):
    """Imports a catalog file or a folder for `window` (which shows messages and refreshes lists).

    window: the main window; only its public face is used (report_error, statusBar, refresh_lists).
    """

    def __init__(self, window: Any, services: Any, runner: TaskRunner, prefs: Preferences) -> None:
        super().__init__(window)
        self._window = window
        self.services, self.runner, self.prefs = services, runner, prefs
        self.folder_summary: ImportSummaryDialog | None = None  # the last folder scan's summary

    def import_catalog_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, QCoreApplication.translate("MainWindow", "Import catalog"), str(Path.home()), QCoreApplication.translate("MainWindow", "Catalog files (*.json);;All files (*)"))
        if path:
            self.import_path(Path(path))

    def add_folder_dialog(self) -> None:
        """Opens where the last folder was added (a preference), else in the home folder."""
        last = Path(self.prefs.last_folder) if self.prefs.last_folder else None
        start = last if last is not None and last.is_dir() else (last.parent if last is not None and last.parent.is_dir() else Path.home())
        path = QFileDialog.getExistingDirectory(self._window, QCoreApplication.translate("MainWindow", "Add folder"), str(start))
        if path:
            self.prefs.last_folder = path
            self.prefs.save("last_folder", path)
            self.import_path(Path(path))

    def message(self, report: Any) -> str:
        """The status-bar line after an import: translated, with the viewer's plural forms."""
        if hasattr(report, "unchanged_files"):  # a folder
            added = self.tr("%n recording(s) added", "", report.recordings_added)
            updated = self.tr("%n session(s) updated", "", report.sessions_updated)
            other = self.tr("%n file(s) skipped", "", len(report.skipped))
            counts = [(added, report.recordings_added), (updated, report.sessions_updated), (other, len(report.skipped))]
        else:
            added = self.tr("%n session(s) added", "", report.sessions_added)
            updated = self.tr("%n session(s) updated", "", report.sessions_updated)
            other = self.tr("%n session(s) unchanged", "", report.sessions_unchanged)
            counts = [(added, report.sessions_added), (updated, report.sessions_updated), (other, report.sessions_unchanged)]
        text = ", ".join(plural_fallback(t, n) for t, n in counts)
        return QCoreApplication.translate("MainWindow", "{name}: {counts}").format(name=Path(report.source).name, counts=text)

    def import_path(self, path: Path) -> None:
        """Import a catalog file or a folder off the GUI thread, with progress and cancel."""
        token = CancelToken()
        dialog = QProgressDialog(QCoreApplication.translate("MainWindow", "Importing {name}…").format(name=path.name), QCoreApplication.translate("MainWindow", "Cancel"), 0, 0, self._window)
        dialog.setLabel(plain_label(dialog, dialog.labelText()))  # the file name as typed, never markup
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(token.cancel)

        def progress(done: int, total: int, label: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(label)

        report_progress = self.runner.progress_callback(progress)
        if path.is_dir():
            if self.services.import_folder is None:
                dialog.close()
                self._window.report_error(QCoreApplication.translate("MainWindow", "Adding folders is not available in this version."))
                return
            work = lambda: self.services.import_folder(path, progress=report_progress, cancel=token)  # noqa: E731
        else:
            work = lambda: self.services.import_file(path)  # noqa: E731

        def done(report: Any) -> None:
            dialog.close()
            text = self.message(report)
            warnings = getattr(report, "warnings", [])
            self._window.statusBar().showMessage(text, 8000)
            if hasattr(report, "unchanged_files"):  # a folder scan: always say what was added and what not
                self.folder_summary = ImportSummaryDialog(report, self._window)
                self.folder_summary.include_again_requested.connect(include_again)
                self.folder_summary.open()
            elif warnings:
                box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Import finished"), text, parent=self._window)
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.setDetailedText("\n".join(warnings))
                box.open()
            self._window.refresh_lists()

        def include_again(sources: list[str], folder: str) -> None:
            """Lift the exclusion of files whose session was removed, then scan their folder again."""
            from vod_app.catalog.sessions_edit import include_again as lift

            catalog = self.services.repo.catalog
            self._window.writes.call(  # a person's edit: on the writes lane, in order (ui/writes.py)
                lambda: lift(catalog=catalog, sources=sources),
                lambda _n: self.import_path(Path(folder)),
                lambda exc: self._window.report_error(QCoreApplication.translate("MainWindow", "The removed files could not be added again: {error}").format(error=exc)),
            )

        def failed(exc: BaseException) -> None:
            dialog.close()
            detail = exc.report() if hasattr(exc, "report") else ""
            self._window.report_error(QCoreApplication.translate("MainWindow", "Nothing was imported. {error}").format(error=exc), detail)

        self.runner.submit(work, on_done=done, on_error=failed)
