#!/usr/bin/env bash
# Install the Debian/Ubuntu packages vod-app needs (see ../shared/platform-notes.md for why each).
#   packaging/system-deps.sh run     what running the app needs
#   packaging/system-deps.sh test    + what the test suite needs (Xvfb, ffmpeg for generated media, and
#                                    Debian's PostgreSQL server: the suite runs a throwaway cluster)
#   packaging/system-deps.sh package + what `make deb` and its checks need (dpkg-shlibdeps, lintian,
#                                    desktop-file-validate, appstreamcli, a private D-Bus for MPRIS)
# Installs with apt-get when root, through sudo when available; otherwise prints the exact command.
set -euo pipefail

RUN_PACKAGES=(
  python3 python3-venv python3-pip
  libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0
  libxcb-shape0 libxcb-render-util0 libxcb-image0 libegl1 libgl1 libfontconfig1 fonts-dejavu-core libdbus-1-3
)
TEST_PACKAGES=(xvfb xauth ffmpeg espeak-ng imagemagick postgresql dbus-daemon dbus-bin libglib2.0-bin)
PACKAGE_PACKAGES=(dpkg-dev binutils file lintian desktop-file-utils appstream dbus-daemon dbus-bin libglib2.0-bin)

want=("${RUN_PACKAGES[@]}")
if [[ "${1:-run}" == "test" ]]; then
  want+=("${TEST_PACKAGES[@]}")
elif [[ "${1:-run}" == "package" ]]; then
  want+=("${PACKAGE_PACKAGES[@]}")
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; install libvlc 3 with its plugins and Qt's xcb libraries yourself" >&2
  exit 0
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
echo "system-deps: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  "${cmd[@]}" -qq
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive "${cmd[@]}" -qq
elif command -v sudo >/dev/null 2>&1 && [[ -t 0 ]]; then
  sudo apt-get update -qq
  sudo "${cmd[@]}"
else
  echo "system-deps: these packages are missing; run as root:" >&2
  echo "  apt-get update && ${cmd[*]}" >&2
  exit 1
fi
