"""Theme icons with the style's own icon as fallback (offscreen and bare desktops have no theme)."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap

#: freedesktop icon name -> the QStyle icon that shows the same thing
_FALLBACKS: dict[str, QStyle.StandardPixmap] = {
    "media-playback-start": SP.SP_MediaPlay,
    "media-playback-pause": SP.SP_MediaPause,
    "media-playback-stop": SP.SP_MediaStop,
    "media-skip-backward": SP.SP_MediaSkipBackward,
    "media-skip-forward": SP.SP_MediaSkipForward,
    "media-seek-backward": SP.SP_MediaSeekBackward,
    "media-seek-forward": SP.SP_MediaSeekForward,
    "audio-volume-high": SP.SP_MediaVolume,
    "audio-volume-muted": SP.SP_MediaVolumeMuted,
    "view-fullscreen": SP.SP_TitleBarMaxButton,
    "go-previous": SP.SP_ArrowBack,
}


def themed_icon(name: str) -> QIcon:
    """The desktop theme's icon ``name``, else the style's equivalent (never an empty icon)."""
    fallback = _FALLBACKS.get(name)
    style = QApplication.style() if QApplication.instance() is not None else None
    if fallback is not None and style is not None:
        return QIcon.fromTheme(name, style.standardIcon(fallback))
    return QIcon.fromTheme(name)
