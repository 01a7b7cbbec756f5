#!/usr/bin/env bash
# Measurement only (docs/packaging.md, "libvlc: system or bundled"): the bundle with libvlc inside.
# Copies the system's libvlc.so.5, libvlccore.so.9, libvlc's private libraries, the plugins and the lua
# scripts into a copy of the bundle (packaging/launcher.py then points python-vlc and libvlc at them),
# regenerates the plugin cache, and prints: sizes (and the added part compressed as dpkg-deb -Zxz
# would), what the plugins still need from the system (ldd), and whether the variant plays with the
# system's libvlc and plugins hidden (a private mount namespace; needs root). Not shipped; CI does not
# run it.   make bundle && bash packaging/libvlc-variant.sh [BUNDLE] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(realpath -m "${1:-dist/vod-app}")
dst=$(realpath -m "${2:-dist/vod-app-libvlc}")
lib=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -dumpmachine)
[[ -x "$src/vod-app" ]] || { echo "libvlc-variant: $src/vod-app missing; run make bundle first" >&2; exit 1; }
[[ -d "$lib/vlc/plugins" ]] || { echo "libvlc-variant: no $lib/vlc/plugins (apt: libvlc5 vlc-plugin-base)" >&2; exit 1; }

rm -rf "$dst"
cp -a "$src" "$dst"
in="$dst/_internal"
cp -L "$lib/libvlc.so.5" "$lib/libvlccore.so.9" "$in/"
mkdir -p "$in/vlc"
cp -a "$lib/vlc/plugins" "$lib/vlc/lua" "$in/vlc/"
for p in pulse vdpau xcb_events; do cp -L "$lib/vlc/libvlc_$p.so.0" "$in/vlc/"; done
rm -f "$in/vlc/plugins/plugins.dat"
t0=$(date +%s.%N)
"$lib/vlc/vlc-cache-gen" "$in/vlc/plugins"
echo "plugin cache regenerated in $(echo "$(date +%s.%N) - $t0" | bc) s: $(du -k "$in/vlc/plugins/plugins.dat" | cut -f1) KiB"

kib() { du -sk "$1" | cut -f1; }
added=$(cd "$in" && tar -cf - libvlc.so.5 libvlccore.so.9 vlc | xz -6 -T1 | wc -c)
echo "bundle: $src $(( $(kib "$src") / 1024 )) MiB; $dst $(( $(kib "$dst") / 1024 )) MiB"
echo "added: $(( ($(kib "$dst") - $(kib "$src")) / 1024 )) MiB on disk, $(( added / 1024 / 1024 )) MiB xz (the .deb grows by about that)"
echo "plugins: $(find "$in/vlc/plugins" -name '*.so' | wc -l) files"

# What the plugins still take from the system: every library ldd resolves outside the bundle.
mapfile -t plugins < <(find "$in/vlc/plugins" -name '*.so')
needs=$(for f in "${plugins[@]}"; do ldd "$f" 2>/dev/null; done | awk '/=>/ && $3 ~ /^\// {print $3}' \
  | grep -v -e '/libvlccore\.so' -e '/vlc/libvlc_' | sort -u)
missing=$(for f in "${plugins[@]}"; do if ldd "$f" 2>/dev/null | grep -q 'not found'; then echo "$f"; fi; done | wc -l)
nlibs=$(printf '%s\n' "$needs" | grep -c . || true)
size=$(printf '%s\n' "$needs" | xargs -r du -ckL | tail -1 | cut -f1)
pkgs=$(printf '%s\n' "$needs" | sed 's#^/lib/#/usr/lib/#' | { xargs -r dpkg -S 2>/dev/null || true; } | cut -d: -f1 | sort -u)
echo "system libraries the plugins link (besides libvlccore): $nlibs files, $(( size / 1024 )) MiB, from $(printf '%s\n' "$pkgs" | grep -c .) packages"
echo "plugins with a library not found here: $missing"
printf '%s\n' "$pkgs" | tr '\n' ' ' | fold -s -w 110 | sed 's/^/  /'; echo
printf '%s\n' "$needs" | { grep -E 'libva|vdpau|libdrm|libGL|libEGL' || true; } | xargs -r -n1 basename | tr '\n' ' ' | sed 's/^/hardware decoding and GL: /'; echo

# Plays with the system's libvlc and plugins out of sight? (root: unshare a mount namespace)
if [[ $(id -u) -eq 0 ]] && command -v unshare >/dev/null; then
  home=$(mktemp -d); empty=$(mktemp -d)
  if unshare -m bash -c "
      mount --bind '$empty' '$lib/vlc'
      for f in '$lib'/libvlc.so.5.* '$lib'/libvlccore.so.9.*; do mount --bind /dev/null \"\$f\"; done
      cd / && env -i HOME='$home' PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen VOD_APP_SMOKE_PLAY_S=3 '$dst/vod-app'
    "; then
    echo "with the system's libvlc and plugins hidden: plays (smoke run passed)"
  else
    echo "with the system's libvlc and plugins hidden: FAILED"
  fi
  rm -rf "$home" "$empty"
fi

# Cold start to 1 s of playback (window, catalog, libvlc and its plugins, first frames), then quit:
# each bundle 3 times, interleaved, the page cache dropped before every process (root only).
if [[ $(id -u) -eq 0 && -w /proc/sys/vm/drop_caches ]]; then
  declare -A took=() homes=()
  for b in "$src" "$dst"; do
    homes[$b]=$(mktemp -d)  # seeded by one untimed run
    (cd / && env -i HOME="${homes[$b]}" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$b/vod-app" --version >/dev/null)
    (cd / && env -i HOME="${homes[$b]}" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen VOD_APP_SMOKE_PLAY_S=1 "$b/vod-app" >/dev/null 2>&1)
  done
  for _ in 1 2 3; do
    for b in "$src" "$dst"; do
      sync; echo 1 > /proc/sys/vm/drop_caches
      t0=$(date +%s%N)
      (cd / && env -i HOME="${homes[$b]}" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen VOD_APP_SMOKE_PLAY_S=1 "$b/vod-app" >/dev/null 2>&1)
      took[$b]+="$(( ($(date +%s%N) - t0) / 1000000 )) "
    done
  done
  for b in "$src" "$dst"; do echo "cold start to 1 s played + quit, ms: $b: ${took[$b]}"; rm -rf "${homes[$b]}"; done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
