"""A Streamlit session without a browser: Streamlit's own websocket protocol, spoken by one Python process.

The browser's part, as the installed Streamlit's server expects it (web/server/starlette/starlette_websocket.py):
a websocket on /_stcore/stream offering the subprotocol "streamlit"; every frame is binary and holds exactly one
protobuf message, BackMsg from the client and ForwardMsg from the server (both ship with the package in
streamlit.proto). A page is asked for as the browser asks for it: a BackMsg `rerun_script` whose ClientState
carries the page's URL path (`page_name`) and its query string; the server answers with a new_session message,
the page's deltas and, when the script run ends, `script_finished`. A run is timed from the request to that last
message, which is what the server did for the page (the browser's drawing is not in it: see benchmarks/switch.py).
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

STREAM_PATH = "/_stcore/stream"
SUBPROTOCOL = "streamlit"
DONE = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
COMPILE_ERROR = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_WITH_COMPILE_ERROR")


def rerun_request(page_name: str, query_string: str = "", page_script_hash: str = "") -> bytes:
    """The frame a browser sends to run a page: a BackMsg rerun_script with the page and its query string."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query_string
    state.page_name = page_name
    state.page_script_hash = page_script_hash
    return msg.SerializeToString()


def parse(frame: bytes | str) -> ForwardMsg:
    """One server frame -> its ForwardMsg (a text frame is not part of the protocol)."""
    if isinstance(frame, str):
        raise ValueError("Streamlit sends binary protobuf frames only")
    msg = ForwardMsg()
    msg.ParseFromString(frame)
    return msg


@dataclass
class Run:
    """What one script run sent back: counts of messages and deltas, the errors shown, the time to its end."""
    page: str
    seconds: float = 0.0
    messages: int = 0
    deltas: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # ForwardMsg type -> count
    elements: dict[str, int] = field(default_factory=dict)  # element type of new_element deltas -> count
    errors: list[str] = field(default_factory=list)
    page_script_hash: str = ""  # the page the navigation says was run
    pages: dict[str, str] = field(default_factory=dict)  # URL path -> page_script_hash, as the navigation lists

    def note(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type") or "none"
        self.messages += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if kind == "delta":
            self.deltas += 1
            if msg.delta.WhichOneof("type") == "new_element":
                el = msg.delta.new_element
                name = el.WhichOneof("type") or "none"
                self.elements[name] = self.elements.get(name, 0) + 1
                if name == "exception":
                    self.errors.append(f"exception: {el.exception.type}: {el.exception.message[:160]}")
        elif kind == "page_not_found":
            self.errors.append(f"page not found: {msg.page_not_found.page_name}")
        elif kind == "navigation":
            self.page_script_hash = msg.navigation.page_script_hash
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}


class Session:
    """One websocket session; pages are run one after the other in it, as a browser tab does."""

    def __init__(self, base_url: str, timeout_s: float = 60.0, cookie: str | None = None):
        self.url = base_url.replace("http://", "ws://", 1).rstrip("/") + STREAM_PATH
        self.timeout_s = timeout_s
        self.cookie = cookie  # for a cookie-sticky proxy: which upstream this session belongs to
        self.ws: websockets.ClientConnection | None = None

    async def __aenter__(self) -> Session:
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await websockets.connect(self.url, subprotocols=[websockets.Subprotocol(SUBPROTOCOL)],
                                           additional_headers=headers, max_size=None, open_timeout=self.timeout_s,
                                           # no protocol pings: a browser sends none (Streamlit has its own
                                           # heartbeat), and a busy server would be cut off for a late pong
                                           compression=None, ping_interval=None)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self, page: str, query: str = "") -> Run:
        """Run one page and wait for its script_finished; a timeout or a failed run is recorded as an error."""
        assert self.ws is not None, "use the session as `async with`"
        run = Run(page)
        t0 = time.perf_counter()
        await self.ws.send(rerun_request(page, query))
        deadline = t0 + self.timeout_s
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                run.errors.append(f"timeout after {self.timeout_s:.0f} s")
                break
            try:
                msg = parse(await asyncio.wait_for(self.ws.recv(), left))
            except TimeoutError:
                continue  # the deadline check above records it
            run.note(msg)
            if msg.WhichOneof("type") == "script_finished":
                if msg.script_finished == DONE:
                    break
                if msg.script_finished == COMPILE_ERROR:
                    run.errors.append("compile error")
                    break
                # FINISHED_EARLY_FOR_RERUN: the script asked for a rerun (st.rerun); the page is not done yet
        run.seconds = time.perf_counter() - t0
        return run
