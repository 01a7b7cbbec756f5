"""Edit… and Remove from catalog for folder sessions, undoable (Edit → Undo, Ctrl+Z).

The catalog work runs on the window's write queue (ui/writes.py: the task runner's ``writes`` lane,
in order with the person's other writes), never on the GUI thread. A command is pushed on the undo
stack only once its first run succeeded, so the stack never holds a change that did not happen; while
a change runs, Undo/Redo wait (they are disabled) so two changes never race on the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from vod_app.tasks import TaskRunner

if TYPE_CHECKING:  # the dialogs' module when Edit… opens, not before the first paint
    from vod_app.ui.folder_dialogs import SessionEditDialog, SessionEditValues


def _sessions_edit():  # noqa: ANN202 - catalog/sessions_edit.py (SQLAlchemy) on first use, not before the first paint
    from vod_app.catalog import sessions_edit

    return sessions_edit


class CatalogCommand(QUndoCommand):
    """One undoable catalog change: ``do``/``undo`` run on the task runner."""

    def __init__(
        self, text: str, title: str, kind: str, session_id: int, do: Callable[[], Any], undo: Callable[[], Any], editing: SessionEditing
    ) -> None:
        super().__init__(text)
        self.title, self.kind, self.session_id = title, kind, session_id
        self._do, self._undo, self._editing = do, undo, editing
        self._first = True  # pushed after the first run succeeded: redo() on push has nothing to do

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._editing.run(self, self._do, "redo")

    def undo(self) -> None:
        self._editing.run(self, self._undo, "undo")


class SessionEditing(QObject):
    """Owns the undo stack of session changes and runs them; the window shows the outcome."""

    # (command kind "edit"|"remove", session id, "do"|"redo"|"undo", message for the status bar)
    changed = Signal(str, int, str, str)
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, catalog: Any, events: Callable[[], list[tuple[str, str]]], runner: TaskRunner, parent: QWidget,
                 write: Callable[..., None] | None = None) -> None:
        """``write(fn, on_done, on_error)``: where changes run (the window's WriteQueue.call)."""
        super().__init__(parent)
        self.catalog, self.events, self.runner, self.window = catalog, events, runner, parent
        self.write = write or (lambda fn, on_done, on_error: runner.submit(fn, on_done=on_done, on_error=on_error))
        self.stack = QUndoStack(self)
        self.busy = False
        self.dialog: SessionEditDialog | None = None

    def bind_actions(self, undo: QAction, redo: QAction) -> None:
        """Edit → Undo/Redo follow the stack: enabled when there is something (and nothing runs),
        their text naming the change ("Undo Remove “Council”")."""
        self._actions = (undo, redo)
        undo.triggered.connect(self.undo)
        redo.triggered.connect(self.redo)
        s = self.stack
        for signal in (s.canUndoChanged, s.canRedoChanged, s.undoTextChanged, s.redoTextChanged, self.busy_changed):
            signal.connect(self._update_actions)
        self._update_actions()

    def attach_page(self, page: Any) -> None:
        """The session page's Edit…/Remove from catalog, once the page is built (ui/pages.py)."""
        for button in (page.edit_button, page.remove_button):
            button.setDisabled(self.busy)
            self.busy_changed.connect(button.setDisabled)  # one change at a time
        page.edit_requested.connect(self.edit)
        page.remove_requested.connect(self.remove)

    def _update_actions(self, *_args: object) -> None:
        undo, redo = self._actions
        s = self.stack
        undo.setEnabled(s.canUndo() and not self.busy)
        redo.setEnabled(s.canRedo() and not self.busy)
        undo.setText(self.tr("&Undo {what}").format(what=s.undoText()) if s.undoText() else self.tr("&Undo"))
        redo.setText(self.tr("&Redo {what}").format(what=s.redoText()) if s.redoText() else self.tr("&Redo"))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    # --- running commands ---

    def run(self, cmd: CatalogCommand, fn: Callable[[], Any], direction: str) -> None:
        self._set_busy(True)

        def done(_result: object) -> None:
            self._set_busy(False)
            self.changed.emit(cmd.kind, cmd.session_id, direction, self._message(cmd, direction))

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            # The stack moved but the catalog did not: its history no longer matches, so drop it.
            self.stack.clear()
            self.failed.emit(self.tr("The change could not be made: {error}").format(error=exc))

        self.write(fn, done, failed)

    def _first_run(self, kind: str, session_id: int, do: Callable[[], Any], undo: Callable[[], Any], title: Callable[[Any], str]) -> None:
        self._set_busy(True)

        def done(result: object) -> None:
            self._set_busy(False)
            name = title(result)
            text = self.tr("Remove “{title}”").format(title=name) if kind == "remove" else self.tr("Edit “{title}”").format(title=name)
            cmd = CatalogCommand(text, name, kind, session_id, do, undo, self)
            self.stack.push(cmd)
            self.changed.emit(kind, session_id, "do", self._message(cmd, "do"))

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.failed.emit(self.tr("The change could not be made: {error}").format(error=exc))

        self.write(do, done, failed)

    def _message(self, cmd: CatalogCommand, direction: str) -> str:
        if direction == "undo":
            return self.tr("Undone: {what}").format(what=cmd.text())
        if cmd.kind == "remove":
            return self.tr("“{title}” was removed from the catalog; its files were not touched (Ctrl+Z undoes it)").format(title=cmd.title)
        return self.tr("“{title}” was saved (Ctrl+Z undoes it)").format(title=cmd.title)

    def undo(self) -> None:
        if not self.busy and self.stack.canUndo():
            self.stack.undo()

    def redo(self) -> None:
        if not self.busy and self.stack.canRedo():
            self.stack.redo()

    # --- the two changes ---

    def remove(self, session_id: int) -> None:
        """Remove a folder session from the catalog (its files stay; Undo puts it back)."""
        state: dict[str, Any] = {}

        def do() -> Any:
            state["removed"] = _sessions_edit().remove_session(self.catalog, session_id)
            return state["removed"]

        def undo() -> None:
            _sessions_edit().restore_session(self.catalog, state["removed"])

        self._first_run("remove", session_id, do, undo, lambda r: r.title)

    def edit(self, session_id: int) -> None:
        """Open the edit dialog once the session's fields are read (off the GUI thread)."""

        def load() -> tuple[Any, list[tuple[str, str]]]:
            return _sessions_edit().session_fields(self.catalog, session_id), self.events()

        def loaded(result: tuple[Any, list[tuple[str, str]]]) -> None:
            from vod_app.ui.folder_dialogs import SessionEditDialog

            fields, events = result
            dlg = SessionEditDialog(fields.title, fields.date, fields.event_uid, events, self.window)
            dlg.accepted.connect(lambda: self.apply(session_id, dlg.values()))
            self.dialog = dlg
            dlg.open()

        def failed(exc: BaseException) -> None:
            self.failed.emit(self.tr("The session could not be edited: {error}").format(error=exc))

        self.runner.submit(load, on_done=loaded, on_error=failed)

    def apply(self, session_id: int, values: SessionEditValues) -> None:
        state: dict[str, Any] = {}

        def do() -> Any:
            state["before"] = _sessions_edit().edit_session(
                self.catalog, session_id, title=values.title, date=values.date, event_uid=values.event_uid, new_event_title=values.new_event_title
            )
            return state["before"]

        def undo() -> None:
            _sessions_edit().restore_fields(self.catalog, session_id, state["before"])

        self._first_run("edit", session_id, do, undo, lambda _r: values.title)


def install_session_editing(window: Any) -> SessionEditing:
    """Edit → Undo/Redo, and the session page's Edit…/Remove from catalog (folder sessions)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMenu

    a = window.actions_
    ed = SessionEditing(window.services.repo.catalog, lambda: window.services.repo.events(window.prefs_langs()), window.runner, window,
                        window.writes.call)
    menu = QMenu(QCoreApplication.translate("MainWindow", "&Edit"), window)
    menu.addAction(a.undo)
    menu.addAction(a.redo)
    window.menuBar().insertMenu(window.menuBar().actions()[1], menu)
    ed.bind_actions(a.undo, a.redo)
    ed.changed.connect(window.session_changed)
    ed.failed.connect(window.report_error)
    return ed
