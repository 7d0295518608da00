"""Chargecheck --action-hook for the interop station: reads the action as JSON on stdin and calls the
station's control port (INTEROP_CONTROL_PORT)."""
import json
import os
import sys
import urllib.request

action = json.load(sys.stdin)
port = os.environ["INTEROP_CONTROL_PORT"]
kind = action.get("action", "")
connector = action.get("connector") or 1
paths = {"plug": "plug", "unplug": "unplug", "press-stop": "press-stop", "clear-fault": "clear-fault",
         "present-card": f"present-card?tag={action.get('idTag') or 'INTEROP-1'}",
         "fault": f"fault?code={action.get('errorCode') or 'GroundFailure'}"}
if kind not in paths:
    print(f"the interop station cannot perform '{kind}'", file=sys.stderr)
    sys.exit(3)
request = urllib.request.Request(f"http://127.0.0.1:{port}/connectors/{connector}/{paths[kind]}", method="POST")
with urllib.request.urlopen(request, timeout=10) as response:
    print(f"{kind} on connector {connector}: HTTP {response.status}")
