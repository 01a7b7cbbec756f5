#!/usr/bin/env bash
# Build dist/vod-app_<version>_<arch>.deb from the PyInstaller bundle in dist/vod-app (make deb).
# Offline, with Debian's own tools: dpkg-shlibdeps computes Depends from the bundle's ELF files (the
# bundle ships no library of the system's: packaging/vod-app.spec), dpkg-deb builds with root-owned files.
#   packaging/build-deb.sh [BUNDLE_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/vod-app}
out=${2:-dist}
py=${PYTHON:-.venv/bin/python}
[[ -x "$bundle/vod-app" ]] || { echo "build-deb: $bundle/vod-app missing; run make bundle first" >&2; exit 1; }

version=$("$bundle/vod-app" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/vod-app" "$root/DEBIAN"

cp -a "$bundle" "$root/opt/vod-app"
ln -s /opt/vod-app/vod-app "$root/usr/bin/vod-app"
install -m 644 packaging/vod-app.desktop "$root/usr/share/applications/vod-app.desktop"
install -m 644 packaging/io.github.vod_app.VodApp.metainfo.xml "$root/usr/share/metainfo/"
install -m 644 resources/icons/vod-app.svg "$root/usr/share/icons/hicolor/scalable/apps/vod-app.svg"
QT_QPA_PLATFORM=offscreen "$py" packaging/render_icons.py "$root/usr/share/icons/hicolor" >/dev/null
# Maintainer: whoever builds the package, never an invented address. VOD_APP_MAINTAINER ("Name
# <address>"), else Debian's DEBFULLNAME/DEBEMAIL, else the author of the commit being packaged.
maintainer=${VOD_APP_MAINTAINER:-}
if [[ -z "$maintainer" && -n "${DEBEMAIL:-}" ]]; then
  [[ "$DEBEMAIL" == *"<"* ]] && maintainer=$DEBEMAIL || maintainer="${DEBFULLNAME:-vod-app developers} <$DEBEMAIL>"
fi
[[ -n "$maintainer" ]] || maintainer=$(git log -1 --format='%an <%ae>' 2>/dev/null || true)
[[ "$maintainer" =~ ^[^\<\>]+\ \<[^@\<\>]+@[^\<\>]+\>$ ]] || {
  echo "build-deb: no maintainer ('$maintainer'): set VOD_APP_MAINTAINER='Name <address>'" >&2; exit 1; }

# The bundle must not carry a copy of a Debian package's library (the spec drops them): such a copy
# would miss the system's security updates while Depends installs the same library anyway. PyInstaller
# puts what it collects from the system at the top of _internal (Qt's own libraries, from the wheel,
# are in PySide6/Qt/lib and only linked from there); libpython is the bundle's Python.
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
copies=$(find "$root/opt/vod-app/_internal" -maxdepth 1 -type f -name 'lib*.so*' ! -name 'libpython*' -printf '%f\n' | sort -u | while read -r f; do
  { dpkg -S "/usr/lib/$multiarch/$f" "/lib/$multiarch/$f" 2>/dev/null || true; } | cut -d: -f1 | sed "s|\$| ($f)|"; done | sort -u)
[[ -z "$copies" ]] || { printf 'build-deb: the bundle ships system libraries (from packaging/vod-app.spec?):\n%s\n' "$copies" >&2; exit 1; }
install -m 644 packaging/debian/copyright "$root/usr/share/doc/vod-app/copyright"
sed -e "s/@VERSION@/$version/" -e "s|@MAINTAINER@|$maintainer|" packaging/debian/changelog \
  | gzip -9n > "$root/usr/share/doc/vod-app/changelog.gz"
chmod 644 "$root/usr/share/doc/vod-app/changelog.gz"
# Files as a package expects them: no write bits for group/other, no executable data.
find "$root" -type d -exec chmod 755 {} +
find "$root/opt/vod-app" -type f -exec chmod go-w {} +
find "$root/opt/vod-app" -type f -name '*.so*' -exec chmod a-x {} +
install -D -m 644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/vod-app"

# Depends: the system libraries the bundle's ELF files link to (all of them: it ships none), plus what
# is loaded at run time and no ELF header names: libvlc (ctypes) and its plugins. Recommends: what only
# Qt's GTK platform theme plugin links (GTK 3, cairo, pango...): it makes Qt follow the GTK desktop's
# theme and use its file dialogs, and Qt skips it where GTK is not installed. dpkg-shlibdeps leaves out
# of Recommends what Depends already has (GLib, X11).
mkdir -p "$work/debian"
printf 'Source: vod-app\n\nPackage: vod-app\nArchitecture: any\n' > "$work/debian/control"
gtk_theme=$(find "$root/opt/vod-app" -type f -name libqgtk3.so)
[[ -n "$gtk_theme" ]] || { echo "build-deb: Qt's GTK platform theme plugin (libqgtk3.so) is not in the bundle" >&2; exit 1; }
mapfile -t elves < <(find "$root/opt/vod-app" -type f \( -name '*.so*' -o -name vod-app \) ! -name libqgtk3.so -exec sh -c 'file -b "$1" | grep -q ELF && echo "$1"' _ {} \;)
libdirs=$(find "$root/opt/vod-app" -name '*.so*' -printf '%h\n' | sort -u | sed 's/^/-l/')
substvars=$(cd "$work" && dpkg-shlibdeps -O --ignore-missing-info $libdirs -xvod-app "${elves[@]}" -dRecommends "$gtk_theme" 2>"$work/shlibdeps.log" || true)
shlibs=$(sed -n 's/^shlibs:Depends=//p' <<<"$substvars")
recommends=$(sed -n 's/^shlibs:Recommends=//p' <<<"$substvars")
[[ -n "$shlibs" && "$recommends" == *libgtk-3-0* ]] || { echo "build-deb: dpkg-shlibdeps failed:" >&2; grep -v "^dpkg-shlibdeps: warning" "$work/shlibdeps.log" | head -5 >&2; exit 1; }
runtime="libvlc5 (>= 3.0), libvlc-bin, vlc-plugin-base, vlc-plugin-video-output"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)

cat > "$root/DEBIAN/control" <<CONTROL
Package: vod-app
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: $runtime, ${shlibs}
Recommends: ${recommends}
Section: video
Priority: optional
Description: video-on-demand browser for recorded dialogue sessions
 vod-app keeps a local catalog of recorded conferences, panels and hearings
 and plays them with libvlc, with a description pane beside the video that
 follows playback (the panel being played, in the viewer's language), search
 in titles, descriptions and captions, and media keys through MPRIS.
 .
 This package ships a bundle of Python, Qt and the app in /opt/vod-app;
 libvlc, its plugins and the other system libraries come from Debian.
CONTROL
mkdir -p "$out"
deb="$out/vod-app_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
