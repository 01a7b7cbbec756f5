#!/usr/bin/env bash
# CI's package check (.ci/run): validate, install with apt, run the installed files with the project's
# .venv out of reach, purge, and check that the person's catalog is still in the data folder.
#   packaging/check-deb.sh dist/vod-app_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(realpath "$1")
desktop-file-validate packaging/vod-app.desktop
appstreamcli validate --no-net packaging/io.github.vod_app.VodApp.metainfo.xml
lintian --fail-on error,warning "$deb"

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq -o APT::Install-Recommends=true "$deb" >/dev/null  # with the GTK theme's libraries
home=$(mktemp -d)
# A clean environment: no PYTHONPATH, no VIRTUAL_ENV, PATH without the project's .venv, run from /.
run() { (cd / && env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"); }
[[ $(run sh -c 'command -v vod-app') == /usr/bin/vod-app ]]
run vod-app --version | grep -Eq '^vod-app [0-9]'
run vod-app --diagnose | grep -q 'bundled .*yes'
# Every library the installed bundle links resolves (Depends, and Recommends, which apt installs), and
# Qt's GTK theme plugin finds GTK 3 in the system, not in the bundle (packaging/vod-app.spec ships none).
missing=$(find /opt/vod-app -type f -name '*.so*' -exec ldd {} + 2>/dev/null | grep 'not found' | sort -u || true)
[[ -z "$missing" ]] || { printf 'check-deb: unresolved libraries:\n%s\n' "$missing" >&2; exit 1; }
[[ -z $(find /opt/vod-app -name 'libgtk-3.so*' -o -name 'libglib-2.0.so*') ]] \
  && ldd /opt/vod-app/_internal/PySide6/Qt/plugins/platformthemes/libqgtk3.so | grep -Eq 'libgtk-3\.so\.0 => /(usr/)?lib/' \
  || { echo "check-deb: Qt's GTK theme plugin does not load the system's GTK 3" >&2; exit 1; }
run vod-app search "global compact" --json | grep -q '"session_id": "iom-idm-2017-04-18-panels-2-3"'
run env VOD_APP_SMOKE_PLAY_S=3 vod-app
catalog="$home/.local/share/vod-app/catalog.sqlite3"
[[ -s "$catalog" ]] || { echo "check-deb: no catalog at $catalog after the runs" >&2; exit 1; }
before=$(sha256sum "$catalog")
apt-get purge -y -qq vod-app >/dev/null
[[ ! -e /opt/vod-app && ! -e /usr/bin/vod-app ]] || { echo "check-deb: files left after purge" >&2; exit 1; }
[[ $(sha256sum "$catalog") == "$before" ]] || { echo "check-deb: purge touched the catalog" >&2; exit 1; }
rm -rf "$home"
echo "check-deb: built, validated, installed, smoke-run and purged; the catalog is still there"
