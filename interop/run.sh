#!/usr/bin/env bash
# make interop: Chargecheck against an independent OCPP 1.6 implementation (mobilityhouse `ocpp` + `websockets`),
# both ways, in all three security modes:
#   1. the runner (central system) runs the EV24 suite against interop/station.py (a charge point);
#   2. the emulator (charge point) is driven by interop/csms.py (a central system).
# Exit status 0 only if all six runs pass.
set -u
cd "$(dirname "$0")/.."
BIN=${CHARGECHECK:-.build/release/chargecheck}
VENV=${INTEROP_VENV:-.venv-interop}
OUT=${INTEROP_OUT:-.build/interop}
PY="$VENV/bin/python"
mkdir -p "$OUT"

if [ ! -x "$PY" ] || ! "$PY" -c 'import ocpp, websockets' 2>/dev/null; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q 'ocpp==2.1.0' 'websockets==17.4' || exit 2
fi
"$BIN" pki init "$OUT/pki" --station PY-CP-1 --station CP-1 >/dev/null || exit 2

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PASSWORD=interop-secret-0001
failures=0
summary=()

# Runs a command with a hard bound; kills its whole process group on the way out.
bounded() { timeout --kill-after=5 "$@"; }

runner_against_python_station() {
  local mode=$1 port control log listen station_pid status
  port=$(free_port); control=$(free_port); log="$OUT/runner-$mode.log"
  case $mode in
    ws)    listen=(--listen "ws://127.0.0.1:$port/ocpp") ;;
    basic) listen=(--listen "wss://127.0.0.1:$port/ocpp" --tls-cert "$OUT/pki/server.pem" --tls-key "$OUT/pki/server.key"
                   --basic-auth "PY-CP-1:$PASSWORD") ;;
    mtls)  listen=(--listen "wss://127.0.0.1:$port/ocpp" --tls-cert "$OUT/pki/server.pem" --tls-key "$OUT/pki/server.key"
                   --client-ca "$OUT/pki/ca.pem") ;;
  esac
  local scheme=ws; [ "$mode" = ws ] || scheme=wss
  ( sleep 1; exec "$PY" interop/station.py --url "$scheme://127.0.0.1:$port/ocpp" --id PY-CP-1 --mode "$mode" \
      --certs "$OUT/pki" --password "$PASSWORD" --control-port "$control" ) >"$OUT/station-$mode.log" 2>&1 &
  station_pid=$!
  INTEROP_CONTROL_PORT=$control bounded 600 "$BIN" run scenarios/ev24 "${listen[@]}" --wait 60s \
      --action-hook "$PY interop/hook.py" --set holdDuration=20s --report "junit:$OUT/runner-$mode.xml" >"$log" 2>&1
  status=$?
  kill "$station_pid" 2>/dev/null; wait "$station_pid" 2>/dev/null
  report "runner ($mode) vs mobilityhouse station" "$status" "$log"
}

emulator_against_python_csms() {
  local mode=$1 port control log security csms_pid status
  port=$(free_port); control=$(free_port); log="$OUT/csms-$mode.log"
  bounded 150 "$PY" interop/csms.py --mode "$mode" --port "$port" --certs "$OUT/pki" --password "$PASSWORD" \
      --station-control "$control" >"$log" 2>&1 &
  csms_pid=$!
  case $mode in
    ws)    security=(--csms "ws://127.0.0.1:$port/ocpp") ;;
    basic) security=(--csms "wss://127.0.0.1:$port/ocpp" --ca "$OUT/pki/ca.pem" --password "$PASSWORD") ;;
    mtls)  security=(--csms "wss://127.0.0.1:$port/ocpp" --ca "$OUT/pki/ca.pem" --cert "$OUT/pki/stations/CP-1.pem" --key "$OUT/pki/stations/CP-1.key") ;;
  esac
  sleep 1
  bounded 150 "$BIN" emulate --id CP-1 "${security[@]}" --control-port "$control" >"$OUT/emulator-$mode.log" 2>&1 &
  local emulator_pid=$!
  wait "$csms_pid"; status=$?
  kill "$emulator_pid" 2>/dev/null; wait "$emulator_pid" 2>/dev/null
  report "emulator ($mode) vs mobilityhouse central system" "$status" "$log"
}

report() {
  if [ "$2" = 0 ]; then summary+=("PASS  $1"); else summary+=("FAIL  $1 (exit $2, log: $3)"); failures=$((failures + 1)); tail -n 25 "$3"; fi
}

for mode in ws basic mtls; do
  runner_against_python_station "$mode"
  emulator_against_python_csms "$mode"
done
printf '\nInterop summary (mobilityhouse ocpp 2.1.0, websockets 17.4):\n'
printf '  %s\n' "${summary[@]}"
exit $((failures > 0))
