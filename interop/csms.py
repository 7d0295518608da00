"""An independent OCPP 1.6 central system for interop tests, built on mobilityhouse `ocpp` and `websockets`.

It accepts one charge point (Chargecheck's emulator), validates every message against mobilityhouse's own
OCPP 1.6 schemas, drives it through the EV24 message set, and exits 0 only if every step was seen and valid.

    python csms.py --mode ws|basic|mtls --port N [--certs DIR] [--password P] [--timeout S]
"""
import argparse
import asyncio
import base64
import datetime
import http
import json
import ssl
import sys

import websockets
from websockets.asyncio.server import serve
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import Action, RegistrationStatus, AuthorizationStatus

def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat()

class Backend(ChargePoint):
    """The central system's side of one station connection; records what it saw."""

    def __init__(self, identity, connection, log):
        super().__init__(identity, connection, response_timeout=20)
        self.log = log
        self.events = asyncio.Queue()
        self.errors_sent = []
        self.transaction_id = 0

    async def _send(self, message):
        if message.startswith("[4,"):
            self.errors_sent.append(message)
            self.log(f"!! central system answered with a CALLERROR (schema or protocol violation): {message}")
        await super()._send(message)

    @on(Action.boot_notification)
    async def on_boot(self, charge_point_vendor, charge_point_model, **kwargs):
        await self.events.put(("BootNotification", kwargs))
        return call_result.BootNotification(current_time=now(), interval=30, status=RegistrationStatus.accepted)

    @on(Action.heartbeat)
    async def on_heartbeat(self):
        await self.events.put(("Heartbeat", {}))
        return call_result.Heartbeat(current_time=now())

    @on(Action.status_notification)
    async def on_status(self, connector_id, error_code, status, **kwargs):
        await self.events.put(("StatusNotification", {"connector_id": connector_id, "status": status}))
        return call_result.StatusNotification()

    @on(Action.authorize)
    async def on_authorize(self, id_tag):
        await self.events.put(("Authorize", {"id_tag": id_tag}))
        return call_result.Authorize(id_tag_info={"status": AuthorizationStatus.accepted})

    @on(Action.start_transaction)
    async def on_start(self, connector_id, id_tag, meter_start, timestamp, **kwargs):
        self.transaction_id += 1
        await self.events.put(("StartTransaction", {"connector_id": connector_id, "meter_start": meter_start}))
        return call_result.StartTransaction(transaction_id=self.transaction_id,
                                            id_tag_info={"status": AuthorizationStatus.accepted})

    @on(Action.meter_values)
    async def on_meter_values(self, connector_id, meter_value, **kwargs):
        await self.events.put(("MeterValues", {"connector_id": connector_id, "meter_value": meter_value}))
        return call_result.MeterValues()

    @on(Action.stop_transaction)
    async def on_stop(self, meter_stop, timestamp, transaction_id, **kwargs):
        await self.events.put(("StopTransaction", {"transaction_id": transaction_id, "meter_stop": meter_stop}))
        return call_result.StopTransaction()

    async def expect(self, action, timeout=20, where=None):
        """Waits for a CALL of `action` (other actions are logged and skipped)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise AssertionError(f"no {action} within {timeout}s")
            name, payload = await asyncio.wait_for(self.events.get(), remaining)
            self.log(f"<- {name} {json.dumps(payload, default=str)}")
            if name == action and (where is None or where(payload)):
                return payload


async def drive(backend, log, plug):
    """The EV24 message set, driven from the central system side."""
    await backend.expect("BootNotification")
    await backend.expect("StatusNotification", where=lambda p: p["connector_id"] == 1)
    conf = await backend.call(call.GetConfiguration(key=["HeartbeatInterval", "MeterValueSampleInterval"]), suppress=False)
    log(f"-> GetConfiguration: {conf}")
    assert conf.configuration_key, "GetConfiguration returned no keys"
    changed = await backend.call(call.ChangeConfiguration(key="MeterValueSampleInterval", value="2"), suppress=False)
    log(f"-> ChangeConfiguration: {changed.status}")
    assert changed.status == "Accepted", changed
    unknown = await backend.call(call.ChangeConfiguration(key="NoSuchKey", value="1"), suppress=False)
    assert unknown.status == "NotSupported", unknown
    if plug is not None:
        await plug(1)
    started = await backend.call(call.RemoteStartTransaction(id_tag="INTEROP-1", connector_id=1), suppress=False)
    assert started.status == "Accepted", started
    start = await backend.expect("StartTransaction")
    meter = await backend.expect("MeterValues", timeout=20)
    log(f"   meter value sample: {meter['meter_value'][0]}")
    stopped = await backend.call(call.RemoteStopTransaction(transaction_id=backend.transaction_id), suppress=False)
    assert stopped.status == "Accepted", stopped
    stop = await backend.expect("StopTransaction")
    assert stop["meter_stop"] >= start["meter_start"], "meterStop < meterStart"
    unlock = await backend.call(call.UnlockConnector(connector_id=1), suppress=False)
    log(f"-> UnlockConnector: {unlock.status}")
    availability = await backend.call(call.ChangeAvailability(connector_id=2, type="Inoperative"), suppress=False)
    assert availability.status in ("Accepted", "Scheduled"), availability
    await backend.expect("StatusNotification", where=lambda p: p["connector_id"] == 2 and p["status"] == "Unavailable")
    trigger = await backend.call(call.TriggerMessage(requested_message="Heartbeat"), suppress=False)
    assert trigger.status == "Accepted", trigger
    await backend.expect("Heartbeat")
    reset = await backend.call(call.Reset(type="Soft"), suppress=False)
    assert reset.status == "Accepted", reset


def plug_cable(port, log):
    """A physical act through the station's control API (the emulator's --control-port)."""
    async def plug(connector):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"POST /connectors/{connector}/plug HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n".encode())
        await writer.drain()
        status = (await reader.readline()).decode().strip()
        writer.close()
        log(f"plugged the cable into connector {connector}: {status}")
    return plug


async def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=["ws", "basic", "mtls"], required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--certs", help="folder made by `chargecheck pki init`")
    parser.add_argument("--password", default="interop-secret-0001")
    parser.add_argument("--timeout", type=float, default=90)
    parser.add_argument("--station-control", type=int,
                        help="the station's HTTP control port: plug the cable in before the remote start")
    args = parser.parse_args()

    def log(text):
        print(f"[csms {args.mode}] {text}", flush=True)

    done = asyncio.get_running_loop().create_future()
    reconnected = asyncio.Event()
    sessions = []

    def check_auth(connection, request):
        if args.mode != "basic":
            return None
        identity = request.path.rstrip("/").split("/")[-1]
        expected = "Basic " + base64.b64encode(f"{identity}:{args.password}".encode()).decode()
        if request.headers.get("Authorization") != expected:
            log(f"refused {request.path}: bad or missing Basic credentials")
            return connection.respond(http.HTTPStatus.UNAUTHORIZED, "bad credentials\n")
        return None

    async def handler(connection):
        identity = connection.request.path.rstrip("/").split("/")[-1]
        log(f"station {identity} connected, subprotocol {connection.subprotocol}")
        backend = Backend(identity, connection, log)
        sessions.append(backend)
        reader = asyncio.create_task(backend.start())
        try:
            if len(sessions) == 1:
                await drive(backend, log, plug_cable(args.station_control, log) if args.station_control else None)
                log("waiting for the station to come back after Reset")
                await asyncio.wait_for(reconnected.wait(), 30)
                if not done.done():
                    done.set_result(None)
            else:
                await backend.expect("BootNotification")
                log("station booted again after Reset")
                reconnected.set()
                await done
        except Exception as error:  # noqa: BLE001 - any failure ends the test with its reason
            if not done.done():
                done.set_exception(error)
        finally:
            reader.cancel()

    ssl_context = None
    if args.mode in ("basic", "mtls"):
        ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ssl_context.minimum_version = ssl.TLSVersion.TLSv1_2
        ssl_context.load_cert_chain(f"{args.certs}/server.pem", f"{args.certs}/server.key")
        if args.mode == "mtls":
            ssl_context.verify_mode = ssl.CERT_REQUIRED
            ssl_context.load_verify_locations(f"{args.certs}/ca.pem")

    async with serve(handler, "127.0.0.1", args.port, subprotocols=["ocpp1.6"], ssl=ssl_context,
                     process_request=check_auth):
        log(f"listening on {'wss' if ssl_context else 'ws'}://127.0.0.1:{args.port}/ocpp")
        try:
            await asyncio.wait_for(done, args.timeout)
        except Exception as error:  # noqa: BLE001
            log(f"FAILED: {error!r}")
            return 1
    errors = [message for backend in sessions for message in backend.errors_sent]
    if errors:
        log(f"FAILED: {len(errors)} message(s) from the station broke mobilityhouse's OCPP 1.6 schemas")
        return 1
    log("PASSED: every step seen, every message valid")
    return 0

if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
