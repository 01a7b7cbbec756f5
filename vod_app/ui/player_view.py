"""Layout of the player page (behaviour lives in player_page.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QHideEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSlider,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vod_app.ui.description_pane import DescriptionPane
from vod_app.ui.icons import themed_icon
from vod_app.ui.labels import heading
from vod_app.ui.osd import OnScreenDisplay
from vod_app.ui.seek_bar import SeekBar
from vod_app.ui.speakers_view import SpeakersPane
from vod_app.ui.transcript_view import TranscriptPane


class VideoSurface(QFrame):
    """The one native widget libvlc draws into; bound once, never reparented."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoSurface")
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors, True)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor(0, 0, 0))
        self.setPalette(pal)
        self.setMinimumSize(320, 180)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class PlayerView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QToolButton(self)
        self.back_button.setText(self.tr("◀ Back"))
        self.title = heading(self, 1.2, "playerTitle")
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)

        self.video = VideoSurface(self)
        self.osd = OnScreenDisplay(self.video)
        self.message = QLabel(self)  # errors and "playback unavailable", in the window
        self.message.setObjectName("playerMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("QLabel#playerMessage { background: #5a1d1d; color: white; padding: 8px; }")
        self.locate_button = QPushButton(self.tr("Locate…"), self)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        msg_row = QHBoxLayout()
        msg_row.addWidget(self.message, 1)
        msg_row.addWidget(self.locate_button)
        msg_row.addWidget(self.retry_button)
        self.message_box = QFrame(self)
        self.message_box.setLayout(msg_row)
        self.message_box.hide()

        self.resume_label = QLabel(self)
        self.resume_label.setTextFormat(Qt.TextFormat.PlainText)
        self.resume_button = QPushButton(self.tr("Resume"), self)
        self.restart_button = QPushButton(self.tr("Start over"), self)
        resume_row = QHBoxLayout()
        resume_row.addWidget(self.resume_label, 1)
        resume_row.addWidget(self.resume_button)
        resume_row.addWidget(self.restart_button)
        self.resume_box = QFrame(self)
        self.resume_box.setObjectName("resumeBanner")
        self.resume_box.setStyleSheet("QFrame#resumeBanner { background: #1d3a5a; color: white; }")
        self.resume_box.setLayout(resume_row)
        self.resume_box.hide()

        self.seek_bar = SeekBar(self)
        # Transport buttons show icons (QIcon.fromTheme, the style's icon as fallback) with a
        # tooltip; the main window gives them their actions (text, shortcut, tooltip).
        self.play_button = self._icon_button("media-playback-start", self.tr("Play/Pause"))
        self.prev_chapter_button = self._icon_button("media-skip-backward", self.tr("Previous chapter"))
        self.next_chapter_button = self._icon_button("media-skip-forward", self.tr("Next chapter"))
        self.time_label = QLabel("0:00 / 0:00", self)
        self.time_label.setObjectName("timeLabel")
        self.mute_button = self._icon_button("audio-volume-high", self.tr("Mute"))
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 150)
        self.volume.setFixedWidth(90)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume"))
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Playback speed"))
        self.speed.setToolTip(self.tr("Playback speed"))
        for rate in (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0):
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(2)
        self.audio = QComboBox(self)
        self.audio.setAccessibleName(self.tr("Audio language"))
        self.audio.setToolTip(self.tr("Audio language"))
        self.captions = QComboBox(self)
        self.captions.setAccessibleName(self.tr("Captions"))
        self.captions.setToolTip(self.tr("Captions"))
        for combo in (self.audio, self.captions):
            # Sized for a language name, not for the longest entry ("Français (in the video file)", a
            # file's name): the open list still shows every entry whole, and the player fits 800 px.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.fullscreen_button = self._icon_button("view-fullscreen", self.tr("Fullscreen"))
        # Two rows, so that the player fits an 800 px wide window in every interface language:
        # transport and volume, then the languages and speed.
        transport = QHBoxLayout()
        transport.setContentsMargins(0, 0, 0, 0)
        for w in (self.play_button, self.prev_chapter_button, self.next_chapter_button, self.time_label):
            transport.addWidget(w)
        transport.addStretch(1)
        for w in (self.mute_button, self.volume, self.fullscreen_button):
            transport.addWidget(w)
        languages = QHBoxLayout()
        languages.setContentsMargins(0, 0, 0, 0)
        self.audio_label = QLabel(self.tr("Audio:"), self)
        self.audio_label.setBuddy(self.audio)
        self.captions_label = QLabel(self.tr("Captions:"), self)
        self.captions_label.setBuddy(self.captions)
        for w in (self.audio_label, self.audio, self.captions_label, self.captions):
            languages.addWidget(w)
        languages.addStretch(1)
        languages.addWidget(self.speed)
        controls = QVBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addLayout(transport)
        controls.addLayout(languages)
        self.controls = QWidget(self)
        self.controls.setLayout(controls)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.message_box)
        lv.addWidget(self.resume_box)
        lv.addWidget(self.video, 1)
        lv.addWidget(self.seek_bar)
        lv.addWidget(self.controls)

        self.description_language = QComboBox(self)
        self.description_language.setAccessibleName(self.tr("Description language"))
        self.description = DescriptionPane(self)
        self.chapter_list = QListWidget(self)
        self.chapter_list.setObjectName("chapterList")
        self.chapter_list.setAccessibleName(self.tr("Chapters"))
        self.chapter_list.setWordWrap(True)
        self.chapter_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        lang_row = QHBoxLayout()
        lang_row.addWidget(QLabel(self.tr("Description language:"), self))
        lang_row.addWidget(self.description_language, 1)
        rv.addLayout(lang_row)
        rv.addWidget(self.description, 3)
        self.speaking_now = QLabel(self)  # who is speaking now, under the panel's text (hidden if unknown)
        self.speaking_now.setObjectName("speakingNow")
        self.speaking_now.setTextFormat(Qt.TextFormat.PlainText)
        self.speaking_now.hide()
        rv.addWidget(self.speaking_now)
        rv.addWidget(QLabel(self.tr("Chapters"), self))
        rv.addWidget(self.chapter_list, 2)
        # The side pane: the description (with chapters) and the transcript, each chosen apart.
        self.transcript = TranscriptPane(self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.addTab(right, self.tr("Description"))
        self.side_tabs.addTab(self.transcript, self.tr("Transcript"))
        self.speakers = SpeakersPane(self)
        self.side_tabs.addTab(self.speakers, self.tr("Speakers"))
        self.side = self.side_tabs
        # Every tab stays in sight in a narrow window: names shortened ("Transc…"), never scrolled away.
        self.side_tabs.setUsesScrollButtons(False)
        self.side_tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.side_tabs.tabBar().setExpanding(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.header = QWidget(self)
        self.header.setLayout(header)
        outer = QVBoxLayout(self)
        outer.addWidget(self.header)
        outer.addWidget(self.splitter, 1)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.osd.hide()  # a top-level window: it would stay on screen over the next page
        super().hideEvent(event)

    def _icon_button(self, icon: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(themed_icon(icon))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button
