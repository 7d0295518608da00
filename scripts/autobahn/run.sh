#!/usr/bin/env bash
# make autobahn: Autobahn's fuzzing client against the echo server, then its fuzzing server against the client.
# Everything listens on 127.0.0.1 only. Writes docs/autobahn.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/scripts/autobahn"
work="$root/.build/autobahn"
echo_bin="${ECHO_BIN:-$root/.build/release/WebSocketEcho}"
python="$work/py27/bin/python"
cases='["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "9.*", "10.*"]'
cases_text="1–7, 9 and 10"
agent="chargecheck"

"$here/install.sh"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

rm -rf "$work/reports" && mkdir -p "$work/reports/servers" "$work/reports/clients"
cd "$work"

echo "== Server side: fuzzingclient -> WebSocketEcho serve"
server_port="$(free_port)"
"$echo_bin" serve "$server_port" > "$work/echo-server.log" 2>&1 &
pids+=($!)
wait_port "$server_port"
cat > "$work/fuzzingclient.json" <<JSON
{"outdir": "$work/reports/servers", "servers": [{"agent": "$agent", "url": "ws://127.0.0.1:$server_port/autobahn"}],
 "cases": $cases, "exclude-cases": ["12.*", "13.*"], "exclude-agent-cases": {}}
JSON
"$python" "$here/wstest_loopback.py" -m fuzzingclient -s "$work/fuzzingclient.json" > "$work/fuzzingclient.log" 2>&1

echo "== Client side: fuzzingserver -> WebSocketEcho fuzz"
fuzz_port="$(free_port)"
cat > "$work/fuzzingserver.json" <<JSON
{"url": "ws://127.0.0.1:$fuzz_port", "outdir": "$work/reports/clients", "cases": $cases,
 "exclude-cases": ["12.*", "13.*"], "exclude-agent-cases": {}}
JSON
"$python" "$here/wstest_loopback.py" -m fuzzingserver -s "$work/fuzzingserver.json" --webport 0 > "$work/fuzzingserver.log" 2>&1 &
pids+=($!)
wait_port "$fuzz_port"
"$echo_bin" fuzz "ws://127.0.0.1:$fuzz_port" "$agent" > "$work/echo-client.log" 2>&1

python3 "$here/summarize.py" "$work/reports/servers/index.json" "$work/reports/clients/index.json" "$root/docs/autobahn.md" "$cases_text"
