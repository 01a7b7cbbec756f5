#!/usr/bin/env bash
# The walkthrough's pictures (`make screenshots`): every page in English, French and Spanish at
# 800x600 and 1600x1000, under a private Xvfb. Fails if a page widened the window or cut a control.
set -euo pipefail
out=${1:?usage: walkthrough.sh OUT_DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
py=${PYTHON:-$root/.venv/bin/python}
mkdir -p "$out"
exec {fd}<> <(:)
Xvfb -displayfd "$fd" -screen 0 1700x1100x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
read -r -t 10 -u "$fd" display
home=$(mktemp -d)
export XDG_RUNTIME_DIR=$home/runtime && mkdir -m 700 "$XDG_RUNTIME_DIR"
status=0
for lang in en fr es; do
  for size in 800x600 1600x1000; do
    line=$(DISPLAY=":$display" QT_QPA_PLATFORM=xcb VOD_APP_HOME="$home/$lang-$size" \
           "$py" "$root/tests/ui/walkthrough_session.py" "$out" "$lang" "$size" 2>/dev/null | tail -n 1)
    echo "$line"
    "$py" - "$line" <<'PY' || status=1
import json, sys
r = json.loads(sys.argv[1])
bad = {p: s for p, s in r["sizes"].items() if s != r["asked"]}
cut = {p: c for p, c in r["clipped"].items() if c}
if bad or cut:
    print(f"{r['lang']} {r['asked']}: window resized {bad}, controls cut {cut}", file=sys.stderr)
    sys.exit(1)
PY
  done
done
rm -rf "$home"
exit $status
