#!/bin/sh
# make screenshots: runs the EV24 suite against the built-in emulator twice (a well-behaved station, and one with
# fault profiles that break scenarios), writes the HTML reports, and renders parts of them with headless Chromium
# into docs/screenshots/*.png. Installs Chromium (Debian's `chromium` package) when it is missing.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/.build/screenshots"
shots="$root/docs/screenshots"
chargecheck="$root/.build/debug/chargecheck"
faults="--fault reject-remote-start --fault meter-backwards"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "Installing chromium with apt-get…"
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get update -q && $sudo apt-get install -y -q chromium fonts-dejavu-core
    browser=$(command -v chromium)
fi

mkdir -p "$out" "$shots"
cd "$root"
rm -f "$out"/*.html "$out"/*.png

# The runs: exit status 1 (a scenario failed) is what the failing run is for; anything else is a problem.
"$chargecheck" run scenarios/ev24 --time-scale 60 --non-interactive \
    --report "html:$out/ev24-passing.html" >"$out/passing.log" 2>&1 \
    || { tail -n 25 "$out/passing.log"; echo "the passing run failed (log: $out/passing.log)"; exit 1; }
status=0
# shellcheck disable=SC2086 # $faults is a list of options
"$chargecheck" run scenarios/ev24 --time-scale 60 --non-interactive $faults \
    --report "html:$out/ev24-failing.html" >"$out/failing.log" 2>&1 || status=$?
[ "$status" = 1 ] || { tail -n 25 "$out/failing.log"; echo "the failing run ended with status $status, expected 1"; exit 1; }

# shot REPORT FRAGMENT HEIGHT PNG: the report scrolled to #FRAGMENT (empty: the top), 1280 pixels wide.
# Chromium's --screenshot ignores a URL's fragment, so the report is framed by a page that scrolls it.
shot() {
    frame="$out/frame-$(basename "$4" .png).html"
    printf '<!DOCTYPE html><html><body style="margin:0"><iframe src="%s#%s" style="border:0;width:1280px;height:%spx"></iframe></body></html>\n' \
        "$(basename "$1")" "$2" "$3" >"$frame"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000 \
        --window-size="1280,$3" --screenshot="$4" "file://$frame" >/dev/null 2>&1
    [ -s "$4" ] || { echo "chromium wrote no $4"; exit 1; }
    echo "wrote ${4#"$root"/}"
}

# The first failed scenario's section id (the report marks failed sections).
failed=$(grep -o '<section class="scenario failed" id="[^"]*"' "$out/ev24-failing.html" | head -n 1 | sed 's/.*id="\([^"]*\)"/\1/')

shot "$out/ev24-failing.html" "" 1500 "$shots/ev24-failing-summary.png"
shot "$out/ev24-failing.html" "$failed" 2200 "$shots/ev24-failing-scenario.png"
shot "$out/ev24-passing.html" "" 1500 "$shots/ev24-passing-summary.png"
shot "$out/ev24-passing.html" "s0" 1300 "$shots/ev24-passing-station.png"
