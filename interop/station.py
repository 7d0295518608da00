"""An independent OCPP 1.6 charge point for interop tests, built on mobilityhouse `ocpp` and `websockets`.

It connects to Chargecheck's runner as a real station would and behaves as a simple two-connector AC station:
boot, status, heartbeats, remote start and stop, meter values, configuration, reset (reconnects and boots
again), unlock, availability, trigger. Physical acts come from a small HTTP control port on 127.0.0.1
(`POST /connectors/1/plug`, `/unplug`, `/present-card?tag=X`, `/press-stop`, `/fault?code=X`, `/clear-fault`), which `hook.py` calls for the runner's --action-hook.

    python station.py --url ws://127.0.0.1:9000/ocpp --id PY-CP-1 [--mode ws|basic|mtls] [--certs DIR]
                      [--password P] [--control-port N]
"""
import argparse
import asyncio
import base64
import datetime
import ssl
import sys

import websockets
from websockets.asyncio.client import connect
from ocpp.routing import on, after
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import Action

CONNECTORS = (1, 2)


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


class Station(ChargePoint):
    def __init__(self, identity, connection, state, log):
        super().__init__(identity, connection, response_timeout=30)
        self.state = state
        self.log = log

    # --- central system → station -------------------------------------------------------------
    @on(Action.get_configuration)
    def on_get_configuration(self, key=None, **kwargs):
        config = self.state["config"]
        wanted = key or list(config)
        known = [{"key": k, "readonly": config[k][1], "value": config[k][0]} for k in wanted if k in config]
        unknown = [k for k in wanted if k not in config]
        return call_result.GetConfiguration(configuration_key=known, unknown_key=unknown or None)

    @on(Action.change_configuration)
    def on_change_configuration(self, key, value):
        config = self.state["config"]
        if key not in config:
            return call_result.ChangeConfiguration(status="NotSupported")
        if config[key][1]:
            return call_result.ChangeConfiguration(status="Rejected")
        if key.endswith("Interval") and not value.isdigit():
            return call_result.ChangeConfiguration(status="Rejected")
        config[key] = (value, False)
        return call_result.ChangeConfiguration(status="Accepted")

    @on(Action.remote_start_transaction)
    def on_remote_start(self, id_tag, connector_id=None, **kwargs):
        connector = connector_id or 1
        busy = connector in self.state["transactions"] or connector in self.state["unavailable"]
        return call_result.RemoteStartTransaction(status="Rejected" if busy else "Accepted")

    @after(Action.remote_start_transaction)
    async def after_remote_start(self, id_tag, connector_id=None, **kwargs):
        connector = connector_id or 1
        if connector not in self.state["transactions"] and connector not in self.state["unavailable"]:
            await self.start_transaction(connector, id_tag)

    @on(Action.remote_stop_transaction)
    def on_remote_stop(self, transaction_id):
        known = any(tx == transaction_id for tx, _ in self.state["transactions"].values())
        return call_result.RemoteStopTransaction(status="Accepted" if known else "Rejected")

    @after(Action.remote_stop_transaction)
    async def after_remote_stop(self, transaction_id):
        for connector, (tx, _) in list(self.state["transactions"].items()):
            if tx == transaction_id:
                await self.stop_transaction(connector, "Remote")

    @on(Action.reset)
    def on_reset(self, type):
        return call_result.Reset(status="Accepted")

    @after(Action.reset)
    async def after_reset(self, type):
        for connector in list(self.state["transactions"]):
            await self.stop_transaction(connector, "SoftReset" if type == "Soft" else "HardReset")
        self.state["reboot"] = True
        await self._connection.close()

    @on(Action.unlock_connector)
    def on_unlock(self, connector_id):
        if connector_id not in CONNECTORS:
            return call_result.UnlockConnector(status="NotSupported")
        return call_result.UnlockConnector(status="Unlocked")

    @after(Action.unlock_connector)
    async def after_unlock(self, connector_id):
        if connector_id in self.state["transactions"]:
            await self.stop_transaction(connector_id, "UnlockCommand")

    @on(Action.change_availability)
    def on_change_availability(self, connector_id, type):
        if connector_id in self.state["transactions"]:
            return call_result.ChangeAvailability(status="Scheduled")
        return call_result.ChangeAvailability(status="Accepted")

    @after(Action.change_availability)
    async def after_change_availability(self, connector_id, type):
        targets = CONNECTORS if connector_id == 0 else (connector_id,)
        for connector in targets:
            if connector in self.state["transactions"]:
                continue
            if type == "Inoperative":
                self.state["unavailable"].add(connector)
                await self.status(connector, "Unavailable")
            else:
                self.state["unavailable"].discard(connector)
                await self.status(connector, "Available")

    @on(Action.trigger_message)
    def on_trigger(self, requested_message, connector_id=None):
        supported = ("Heartbeat", "StatusNotification", "BootNotification", "MeterValues")
        return call_result.TriggerMessage(status="Accepted" if requested_message in supported else "NotImplemented")

    @after(Action.trigger_message)
    async def after_trigger(self, requested_message, connector_id=None):
        if requested_message == "Heartbeat":
            await self.call(call.Heartbeat())
        elif requested_message == "StatusNotification":
            for connector in ((connector_id,) if connector_id else CONNECTORS):
                await self.status(connector, self.state["status"].get(connector, "Available"))
        elif requested_message == "BootNotification":
            await self.boot()
        elif requested_message == "MeterValues":
            await self.meter_values(connector_id or 1)

    @on(Action.data_transfer)
    def on_data_transfer(self, vendor_id, **kwargs):
        return call_result.DataTransfer(status="UnknownVendorId")

    # --- station → central system -------------------------------------------------------------
    async def boot(self):
        while True:
            reply = await self.call(call.BootNotification(charge_point_vendor="Interop", charge_point_model="PyStation",
                                                          firmware_version="1.0"))
            self.state["config"]["HeartbeatInterval"] = (str(reply.interval or 60), False)
            if reply.status == "Accepted":
                return
            await asyncio.sleep(max(1, reply.interval or 5))

    async def status(self, connector, status):
        self.state["status"][connector] = status
        await self.call(call.StatusNotification(connector_id=connector, error_code="NoError", status=status,
                                                timestamp=now()))

    async def start_transaction(self, connector, id_tag):
        await self.status(connector, "Preparing")
        reply = await self.call(call.StartTransaction(connector_id=connector, id_tag=id_tag,
                                                      meter_start=self.state["meter"], timestamp=now()))
        self.state["transactions"][connector] = (reply.transaction_id, id_tag)
        await self.status(connector, "Charging")

    async def stop_transaction(self, connector, reason):
        tx, id_tag = self.state["transactions"].pop(connector)
        await self.status(connector, "Finishing")
        await self.call(call.StopTransaction(meter_stop=self.state["meter"], timestamp=now(), transaction_id=tx,
                                             reason=reason, id_tag=id_tag))
        await self.status(connector, "Available")

    async def meter_values(self, connector):
        transaction = self.state["transactions"].get(connector)
        sample = {"timestamp": now(), "sampledValue": [
            {"value": str(self.state["meter"]), "context": "Sample.Periodic",
             "measurand": "Energy.Active.Import.Register", "unit": "Wh"}]}
        await self.call(call.MeterValues(connector_id=connector, meter_value=[sample],
                                         transaction_id=transaction[0] if transaction else None))

    async def run_timers(self):
        """Heartbeats at HeartbeatInterval, meter samples at MeterValueSampleInterval during transactions."""
        since_heartbeat = since_sample = 0
        while True:
            await asyncio.sleep(1)
            since_heartbeat += 1
            since_sample += 1
            if self.state["transactions"]:
                self.state["meter"] += 3  # 11 kW is about 3 Wh a second
            if since_heartbeat >= int(self.state["config"]["HeartbeatInterval"][0]):
                since_heartbeat = 0
                await self.call(call.Heartbeat())
            interval = int(self.state["config"]["MeterValueSampleInterval"][0])
            if interval > 0 and since_sample >= interval:
                since_sample = 0
                for connector in list(self.state["transactions"]):
                    await self.meter_values(connector)


async def control_server(port, station_ref, log):
    """POST /connectors/N/<act>: the physical acts. The act runs after the answer, as a relay board's would."""
    async def perform(station, connector, act, argument):
        if act == "plug":
            await station.status(connector, "Preparing")
        elif act == "unplug":
            if connector in station.state["transactions"]:
                await station.stop_transaction(connector, "EVDisconnected")
            else:
                await station.status(connector, "Available")
        elif act == "present-card":
            reply = await station.call(call.Authorize(id_tag=argument or "INTEROP-1"))
            if reply.id_tag_info["status"] == "Accepted" and station.state["status"].get(connector) == "Preparing":
                await station.start_transaction(connector, argument or "INTEROP-1")
        elif act == "press-stop":
            if connector in station.state["transactions"]:
                await station.stop_transaction(connector, "Local")
        elif act == "fault":
            await station.call(call.StatusNotification(connector_id=connector, error_code=argument or "GroundFailure",
                                                       status="Faulted", timestamp=now()))
            station.state["status"][connector] = "Faulted"
        elif act == "clear-fault":
            await station.status(connector, "Available")

    acts = ("plug", "unplug", "present-card", "press-stop", "fault", "clear-fault")

    async def handle(reader, writer):
        request = (await reader.readline()).decode().split()
        while (await reader.readline()) not in (b"\r\n", b""):
            pass
        status = "200 OK"
        try:
            path = request[1]
            parts = path.split("?")[0].strip("/").split("/")
            connector, act = int(parts[1]), parts[2]
            argument = path.split("=", 1)[1] if "=" in path else None
            if act not in acts or station_ref[0] is None:
                status = "404 Not Found"
            else:
                log(f"physical act: {act} on connector {connector}")
                asyncio.get_running_loop().create_task(perform(station_ref[0], connector, act, argument))
        except Exception as error:  # noqa: BLE001 - report any bad request to the hook
            status = f"400 Bad Request ({error})"
        writer.write(f"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        writer.close()
    return await asyncio.start_server(handle, "127.0.0.1", port)


async def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--id", default="PY-CP-1")
    parser.add_argument("--mode", choices=["ws", "basic", "mtls"], default="ws")
    parser.add_argument("--certs")
    parser.add_argument("--password", default="interop-secret-0001")
    parser.add_argument("--control-port", type=int, default=0)
    args = parser.parse_args()

    def log(text):
        print(f"[station {args.id}] {text}", flush=True)

    state = {"meter": 1000, "transactions": {}, "status": {}, "unavailable": set(), "reboot": True,
             "config": {"HeartbeatInterval": ("60", False), "MeterValueSampleInterval": ("10", False),
                        "NumberOfConnectors": ("2", True), "ConnectionTimeOut": ("60", False),
                        "MeterValuesSampledData": ("Energy.Active.Import.Register", False),
                        "StopTransactionOnEVSideDisconnect": ("true", False),
                        "AuthorizeRemoteTxRequests": ("false", False),
                        "LocalAuthorizeOffline": ("true", False), "LocalPreAuthorize": ("false", False),
                        "ClockAlignedDataInterval": ("0", False), "GetConfigurationMaxKeys": ("50", True),
                        "SupportedFeatureProfiles": ("Core,RemoteTrigger", True),
                        "UnlockConnectorOnEVSideDisconnect": ("true", False),
                        "WebSocketPingInterval": ("0", False), "ResetRetries": ("1", False)}}
    station_ref = [None]
    if args.control_port:
        await control_server(args.control_port, station_ref, log)

    headers = {}
    if args.mode == "basic":
        headers["Authorization"] = "Basic " + base64.b64encode(f"{args.id}:{args.password}".encode()).decode()
    ssl_context = None
    if args.mode in ("basic", "mtls"):
        ssl_context = ssl.create_default_context(cafile=f"{args.certs}/ca.pem")
        if args.mode == "mtls":
            ssl_context.load_cert_chain(f"{args.certs}/stations/{args.id}.pem", f"{args.certs}/stations/{args.id}.key")

    url = f"{args.url.rstrip('/')}/{args.id}"
    while True:
        try:
            async with connect(url, subprotocols=["ocpp1.6"], additional_headers=headers, ssl=ssl_context,
                               open_timeout=10) as connection:
                station = Station(args.id, connection, state, log)
                station_ref[0] = station
                log(f"connected to {url}")
                reader = asyncio.create_task(station.start())
                if state["reboot"]:
                    state["reboot"] = False
                    await station.boot()
                    await station.status(0, "Available")
                    for connector in CONNECTORS:
                        await station.status(connector, "Available")
                timers = asyncio.create_task(station.run_timers())
                done, _ = await asyncio.wait([reader], return_when=asyncio.FIRST_COMPLETED)
                timers.cancel()
        except (OSError, websockets.exceptions.WebSocketException, asyncio.TimeoutError) as error:
            log(f"connection ended: {error!r}")
        if not state["reboot"] and state.get("stop"):
            return 0
        await asyncio.sleep(2)


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main()))
    except KeyboardInterrupt:
        sys.exit(0)
