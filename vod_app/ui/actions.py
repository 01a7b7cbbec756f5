"""Every action of the window, with the shortcuts media players use, declared in one place."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


class Actions(QObject):
    """The window's actions; menus and buttons are built from these."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        S = QKeySequence.StandardKey

        def act(text: str, *keys: str | QKeySequence.StandardKey, checkable: bool = False) -> QAction:
            a = QAction(text, parent)
            seqs: list[QKeySequence] = []
            for k in keys:
                for seq in QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey) else [QKeySequence(k)]:
                    if not seq.isEmpty() and seq not in seqs:  # a repeated key would be "ambiguous"
                        seqs.append(seq)
            if seqs:
                a.setShortcuts(seqs)
                a.setToolTip(f"{text.replace('&', '').replace('…', '')} ({seqs[0].toString(QKeySequence.SequenceFormat.NativeText)})")
            a.setCheckable(checkable)
            return a

        # File
        self.import_catalog = act(self.tr("&Import catalog…"), "Ctrl+O")
        self.add_folder = act(self.tr("Add &folder…"), "Ctrl+Shift+O")
        self.subscribe_feed = act(self.tr("&Subscribe to feed…"))
        self.refresh_feeds = act(self.tr("&Refresh feeds"))
        self.media_roots = act(self.tr("&Media folders on this computer…"))
        self.quit = act(self.tr("&Quit"), S.Quit, "Ctrl+Q")
        # Edit: undo/redo of session edits and removals (texts follow the undo stack)
        self.undo = act(self.tr("&Undo"), S.Undo)
        self.redo = act(self.tr("&Redo"), S.Redo)
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        # Navigation
        self.back = act(self.tr("&Back"), "Alt+Left", S.Back)
        self.forward = act(self.tr("&Forward"), "Alt+Right", S.Forward)
        self.home = act(self.tr("&Home"), "Alt+Home")
        self.find = act(self.tr("&Search"), "Ctrl+F", "/")
        # Playback
        self.play_pause = act(self.tr("&Play/Pause"), "Space", "K", "Media Play")
        self.seek_back = act(self.tr("Seek back 10 s"), "Left", "J")
        self.seek_forward = act(self.tr("Seek forward 10 s"), "Right", "L")
        self.seek_back_long = act(self.tr("Seek back 1 min"), "Ctrl+Left")
        self.seek_forward_long = act(self.tr("Seek forward 1 min"), "Ctrl+Right")
        self.next_chapter = act(self.tr("&Next chapter"), "N", "PgDown")
        self.previous_chapter = act(self.tr("P&revious chapter"), "P", "PgUp")
        self.volume_up = act(self.tr("Volume up"), "Up")
        self.volume_down = act(self.tr("Volume down"), "Down")
        self.mute = act(self.tr("&Mute"), "M", checkable=True)
        self.slower = act(self.tr("Slower"), "[")
        self.faster = act(self.tr("Faster"), "]")
        self.normal_speed = act(self.tr("Normal speed"), "=")
        self.fullscreen = act(self.tr("&Fullscreen"), "F", "F11", checkable=True)
        self.leave_fullscreen = act(self.tr("Leave fullscreen"), "Esc")
        self.stop = act(self.tr("&Stop"), "S")
        # Help
        self.shortcuts = act(self.tr("&Keyboard shortcuts"), S.HelpContents, "F1")
        self.about = act(self.tr("&About vod-app"))

        self.player_actions = [
            self.play_pause, self.seek_back, self.seek_forward, self.seek_back_long, self.seek_forward_long,
            self.next_chapter, self.previous_chapter, self.volume_up, self.volume_down, self.mute, self.slower,
            self.faster, self.normal_speed, self.fullscreen, self.stop,
        ]

    def set_player_icons(self) -> None:
        """Player buttons show these icons (the text stays in menus, tooltips and screen readers).
        Set with the player page (ui/pages.py): QStyle's icons are not needed for the first paint."""
        from vod_app.ui.icons import themed_icon

        for action, icon in (
            (self.play_pause, "media-playback-start"),
            (self.stop, "media-playback-stop"),
            (self.seek_back, "media-seek-backward"),
            (self.seek_forward, "media-seek-forward"),
            (self.previous_chapter, "media-skip-backward"),
            (self.next_chapter, "media-skip-forward"),
            (self.mute, "audio-volume-high"),
            (self.fullscreen, "view-fullscreen"),
        ):
            action.setIcon(themed_icon(icon))

    def all(self) -> list[QAction]:
        return [a for a in vars(self).values() if isinstance(a, QAction)]

    def set_player_active(self, active: bool) -> None:
        """Player keys (Space, arrows, letters) belong to lists and fields elsewhere."""
        for a in self.player_actions:
            a.setEnabled(active)
