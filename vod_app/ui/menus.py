"""The window's toolbar and menus, and the wiring of every action (the "menus" part of the window).

Actions themselves are declared in ui/actions.py; a new feature adds its action there and its menu
entry and connection here. Strings keep the "MainWindow" translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QToolBar


def build_menus(window: Any) -> None:
    """The toolbar (navigation + search field) and the menu bar; every action in a menu."""
    self = window
    a = self.actions_
    tb = QToolBar(QCoreApplication.translate("MainWindow", "Navigation"), self)
    tb.setObjectName("navigationToolbar")
    tb.setMovable(False)
    tb.addAction(a.back)
    tb.addAction(a.forward)
    tb.addAction(a.home)
    tb.addWidget(self.search_field)
    self.addToolBar(tb)
    self.toolbar = tb

    mb = self.menuBar()
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    m.addAction(a.import_catalog)
    m.addAction(a.add_folder)
    m.addAction(a.subscribe_feed)
    m.addAction(a.refresh_feeds)
    m.addAction(a.media_roots)
    m.addSeparator()
    m.addAction(a.quit)
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for act in (a.home, a.back, a.forward, a.find):
        m.addAction(act)
    m.addSeparator()
    m.addAction(a.fullscreen)
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "&Playback"))
    for act in (a.play_pause, a.stop, None, a.seek_back, a.seek_forward, a.seek_back_long, a.seek_forward_long, None,
                a.previous_chapter, a.next_chapter, None, a.slower, a.normal_speed, a.faster, None, a.volume_up,
                a.volume_down, a.mute):
        if act is None:
            m.addSeparator()
        else:
            m.addAction(act)
    self.audio_menu = m.addMenu(QCoreApplication.translate("MainWindow", "&Audio language"))
    self.audio_menu.aboutToShow.connect(lambda: _fill_audio_menu(window))
    self.captions_menu = m.addMenu(QCoreApplication.translate("MainWindow", "&Captions"))
    self.captions_menu.aboutToShow.connect(lambda: _fill_captions_menu(window))
    self.description_menu = m.addMenu(QCoreApplication.translate("MainWindow", "&Description language"))
    self.description_menu.aboutToShow.connect(lambda: _fill_description_menu(window))
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    m.addAction(a.shortcuts)
    m.addAction(a.about)
    for act in a.all():
        self.addAction(act)  # shortcuts work in fullscreen too, with the menu bar hidden

def connect_actions(window: Any) -> None:
    """What each action does, and how the pages ask the window to navigate or play."""
    self = window
    a = self.actions_
    a.quit.triggered.connect(self.close)
    a.back.triggered.connect(self.go_back)
    a.forward.triggered.connect(self.go_forward)
    a.home.triggered.connect(self.go_home)
    a.find.triggered.connect(self.focus_search)
    a.import_catalog.triggered.connect(lambda: self.imports.import_catalog_dialog())  # ImportFlow on first use
    a.add_folder.triggered.connect(lambda: self.imports.add_folder_dialog())
    a.media_roots.triggered.connect(lambda: _media_roots_dialog(self))
    feeds = self.services.feeds is not None  # FeedFlow (ui/feed_dialogs.py) on first use
    a.subscribe_feed.setEnabled(feeds)
    a.refresh_feeds.setEnabled(feeds)
    if feeds:
        a.subscribe_feed.triggered.connect(lambda: self.feed_flow.subscribe_dialog())
        a.refresh_feeds.triggered.connect(lambda: self.feed_flow.refresh())
    a.fullscreen.triggered.connect(self.toggle_fullscreen)
    a.leave_fullscreen.triggered.connect(self.leave_fullscreen)
    a.shortcuts.triggered.connect(lambda: show_shortcuts(window))
    a.about.triggered.connect(lambda: show_about(window))
    self.browse.session_requested.connect(self.open_session)
    self.browse.play_requested.connect(self.play_recording)
    self.browse.hit_activated.connect(self.open_hit)
    self.browse.filters_changed.connect(self.refresh_lists)
    self.browse.search_everything_requested.connect(self.browse.clear_filters)  # the query stays


def attach_player(window: Any, p: Any) -> None:
    """The player page's buttons and the Playback actions, once the page is built (ui/pages.py;
    those actions are disabled on every other page, so nothing can trigger them before)."""
    a = window.actions_
    a.set_player_icons()
    p.play_button.setDefaultAction(a.play_pause)
    p.prev_chapter_button.setDefaultAction(a.previous_chapter)
    p.next_chapter_button.setDefaultAction(a.next_chapter)
    p.mute_button.setDefaultAction(a.mute)
    p.fullscreen_button.setDefaultAction(a.fullscreen)
    p.back_button.hide()  # one Back button: the toolbar's (Alt+Left), not one per page
    a.play_pause.triggered.connect(p.toggle_play)
    a.stop.triggered.connect(p.stop)
    a.seek_back.triggered.connect(lambda: p.seek_relative(-10_000))
    a.seek_forward.triggered.connect(lambda: p.seek_relative(10_000))
    a.seek_back_long.triggered.connect(lambda: p.seek_relative(-60_000))
    a.seek_forward_long.triggered.connect(lambda: p.seek_relative(60_000))
    a.next_chapter.triggered.connect(p.next_chapter)
    a.previous_chapter.triggered.connect(p.previous_chapter)
    a.volume_up.triggered.connect(lambda: p.change_volume(5))
    a.volume_down.triggered.connect(lambda: p.change_volume(-5))
    a.mute.triggered.connect(p.toggle_mute)
    a.slower.triggered.connect(lambda: p.change_speed(-1))
    a.faster.triggered.connect(lambda: p.change_speed(1))
    a.normal_speed.triggered.connect(lambda: p.set_rate(1.0))
    p.back_requested.connect(window.go_back)


def _fill_audio_menu(self: Any) -> None:
    _fill_player_menu(self, self.audio_menu, "audio", "choose_audio")

def _fill_captions_menu(self: Any) -> None:
    _fill_player_menu(self, self.captions_menu, "captions", "choose_captions")

def _fill_description_menu(self: Any) -> None:
    _fill_player_menu(self, self.description_menu, "description_language", "choose_description_language")

def _fill_player_menu(self: Any, menu: Any, combo: str, chosen: str) -> None:
    p = self.pages.player_page  # before the page exists nothing plays: a menu does not build it
    _fill_combo_menu(menu, None if p is None else getattr(p, combo), None if p is None else getattr(p, chosen))

def _fill_combo_menu(menu: Any, combo: Any, chosen: Callable[[int], None] | None) -> None:
    menu.clear()
    if combo is None or combo.count() == 0:
        menu.addAction(QCoreApplication.translate("MainWindow", "(nothing playing)")).setEnabled(False)
        return
    for i in range(combo.count()):
        act = menu.addAction(combo.itemText(i))
        act.setCheckable(True)
        act.setChecked(i == combo.currentIndex())
        act.triggered.connect(lambda _c=False, i=i: (combo.setCurrentIndex(i), chosen(i)))


def show_shortcuts(window: Any) -> None:
    """Help → Keyboard shortcuts: every action that has one, as the platform writes keys."""
    rows = []
    for act in window.actions_.all():
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts())
        if keys:
            rows.append(f"{act.text().replace('&', '')}: {keys}")
    QMessageBox.information(window, QCoreApplication.translate("MainWindow", "Keyboard shortcuts"), "\n".join(rows))


def show_about(window: Any) -> None:
    """Help → About: the version, the components' versions and licences, and how to replace the LGPL ones."""
    box = QMessageBox(window)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "About vod-app"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.exec()


def about_text() -> str:
    """The About dialog's text (diagnose.py gathers the versions the CLI's --diagnose prints too)."""
    from vod_app import diagnose

    lines = [
        QCoreApplication.translate("MainWindow", "vod-app {version}: a video-on-demand browser for recorded dialogue sessions.").format(
            version=diagnose.app_version()
        ),
        "",
        QCoreApplication.translate("MainWindow", "Components:"),
    ]
    lines += [f"  {name}: {value}" for name, value in diagnose.versions()[1:5]]
    lines += ["", QCoreApplication.translate("MainWindow", "Licences:")]
    lines += [f"  {name}: {licence}" for name, _dist, licence in diagnose.LICENCES]
    lines += [
        "",
        QCoreApplication.translate(
            "MainWindow",
            "Qt and libvlc are under the LGPL: you may replace them with your own builds. In the installed "
            "package the Qt libraries are separate files in /opt/vod-app/_internal/PySide6/Qt/lib: put your "
            "build of the same Qt version in their place. libvlc is the system's (the libvlc5 package): "
            "install another build of it. The other libraries in /opt/vod-app/_internal and their licences "
            "are listed in /usr/share/doc/vod-app/copyright.",
        ),
    ]
    return "\n".join(lines)


def _media_roots_dialog(window: Any) -> None:
    from vod_app.ui.media_roots_dialog import open_media_roots  # its module when it opens

    open_media_roots(window)
