#!/bin/sh
# The product under LeakSanitizer (`make leaks`): chargecheck built with AddressSanitizer (in .build-asan, shared with
# `make test`), with leak checking on, runs
#   1. chargecheck pki init: a CA, a server and a station certificate;
#   2. chargecheck run scenarios/ev24 --time-scale max: the EV24 suite against the built-in emulator, in all three
#      connection modes (ws, wss + Basic Auth, wss + mutual TLS);
#   3. chargecheck run … --listen wss://127.0.0.1:0/ocpp (mutual TLS) with a separate chargecheck emulate process
#      connecting to it, stopped with Ctrl-C (SIGINT) once the run is over; the physical acts go through
#      --action-hook to the emulator's control API (with curl).
# LeakSanitizer checks each process at exit; a leak makes it exit 23 and fails this script. A scenario that fails
# (exit status 1) is shown but does not: this checks leaks, the test suite checks verdicts.
set -eu
cd "$(dirname "$0")/../.."
here=$(pwd)/scripts/sanitize
${SWIFT:-swift} build --sanitize=address --scratch-path .build-asan --product chargecheck
# exitcode=23: a sanitizer report exits 23 (by default 1, which is also a failed scenario's status).
export ASAN_OPTIONS="detect_leaks=1:exitcode=23${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
chargecheck=$(pwd)/.build-asan/debug/chargecheck
work=$(mktemp -d "${TMPDIR:-/tmp}/chargecheck-leaks-XXXXXX")
emulator=
cleanup() {
    [ -n "$emulator" ] && kill "$emulator" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

echo "== chargecheck pki init"
"$chargecheck" pki init "$work/pki" --station CP-1 >/dev/null

echo "== chargecheck run scenarios/ev24 --time-scale max"
# Exit status 0 or 1 (a scenario failed) is the run's own; anything else (23: a leak) fails the check.
checked() {
    [ "$2" -le 1 ] || { echo "$1 exited $2 (23 is a sanitizer report: a leak)" >&2; exit 1; }
    [ "$2" -eq 0 ] || echo "warning: $1 exited 1 (a scenario failed; not a leak)"
}
status=0
"$chargecheck" run scenarios/ev24 --time-scale max >"$work/emulated.log" 2>&1 || status=$?
[ "$status" -eq 0 ] && tail -n 1 "$work/emulated.log" || cat "$work/emulated.log"
checked "chargecheck run (emulator)" "$status"

echo "== chargecheck run --listen wss:// (mutual TLS) with chargecheck emulate connecting"
# The hook finds the control API in the emulator's output (it prints it as it starts).
cat >"$work/hook.sh" <<'HOOK'
#!/bin/sh
control=$(sed -n 's|^control API: \(http://[^/]*\)/status|\1|p' "$EMULATOR_LOG")
case $CHARGECHECK_ACTION in
plug|unplug|fault|clear-fault)
    exec curl -fsS -X POST -d "$CHARGECHECK_ERROR_CODE" \
        "$control/connectors/$CHARGECHECK_CONNECTOR/$CHARGECHECK_ACTION" ;;
*) echo "no such act in this check: $CHARGECHECK_ACTION"; exit 1 ;;
esac
HOOK
export EMULATOR_LOG="$work/emulator.log"
chmod +x "$work/hook.sh"
"$chargecheck" run scenarios/ev24/configuration.yaml scenarios/ev24/connector-status.yaml \
    --listen wss://127.0.0.1:0/ocpp --tls-cert "$work/pki/server.pem" --tls-key "$work/pki/server.key" \
    --client-ca "$work/pki/ca.pem" --wait 60s --action-hook "$work/hook.sh" >"$work/live.log" 2>&1 &
runner=$!
# The listener's port (0 picks one): the runner prints it as it starts waiting; 30 s at most.
url=
for _ in $(seq 300); do
    url=$(sed -n 's|^Waiting for a station.* at \(wss://[^/]*/ocpp\)/.*|\1|p' "$work/live.log")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/live.log"; echo "the runner did not start listening" >&2; exit 1; }
"$chargecheck" emulate --csms "$url" --id CP-1 --ca "$work/pki/ca.pem" \
    --cert "$work/pki/stations/CP-1.pem" --key "$work/pki/stations/CP-1.key" --control-port 0 \
    >"$work/emulator.log" 2>&1 &
emulator=$!
status=0
wait "$runner" || status=$?
kill -INT "$emulator"
emulatorStatus=0
wait "$emulator" || emulatorStatus=$?
emulator=
cat "$work/live.log"
tail -n 1 "$work/emulator.log"
checked "chargecheck run --listen" "$status"
if [ "$emulatorStatus" -ne 0 ]; then
    cat "$work/emulator.log"
    echo "chargecheck emulate exited $emulatorStatus (23 is a sanitizer report: a leak)" >&2
    exit 1
fi
echo "no leak in any of the runs"
