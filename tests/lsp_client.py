"""A small Language Server Protocol client for the tests: `tspol lsp` in a subprocess,
spoken to in JSON-RPC over its pipes, every message kept in order.

Requests wait for their response, and notifications for the one asked for, at most
TIMEOUT seconds each, so a server that stops answering fails the test instead of
hanging it. A request from the server to the client gets an empty result.
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

TIMEOUT = 30.0  # seconds for one answer: far more than any takes, so only a hang reaches it


class LspError(Exception):
    """An error response: its code and message."""

    def __init__(self, error: dict):
        super().__init__(error.get("message", ""))
        self.code = error.get("code")
        self.message = error.get("message", "")


# What the tests' client says it can do, as an editor does (pygls offers prepareRename
# only to a client that takes it).
CAPABILITIES = {"textDocument": {"rename": {"prepareSupport": True},
                                 "hover": {"contentFormat": ["markdown", "plaintext"]}}}


class LspClient:
    def __init__(self, cwd: Path, capabilities: dict | None = None, command=None):
        self.process = subprocess.Popen(command or [sys.executable, "-m", "tspol.cli.main", "lsp"],
                                        cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE)
        self.incoming: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []  # every notification received, in order
        self.stderr: list[bytes] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.process.stderr), daemon=True).start()
        self.initialized = self.request("initialize", {"processId": None, "rootUri": None,
                                                       "capabilities": capabilities or CAPABILITIES})
        self.notify("initialized", {})

    # ---- the wire
    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                self.incoming.put(None)  # the server has gone
                return
            self.incoming.put(json.loads(stream.read(length)))

    def _next(self, deadline: float, waiting_for: str) -> dict:
        try:
            message = self.incoming.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise AssertionError(f"no {waiting_for} from the server in {TIMEOUT} s") from None
        if message is None:
            raise AssertionError(f"the server exited while waiting for {waiting_for}: {self.error_output()}")
        if "method" in message and "id" in message:  # a request of the server's
            self._send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    # ---- messages
    def request(self, method: str, params=None):
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._next(deadline, f"answer to {method}")
            if message.get("id") == ident and "method" not in message:
                if "error" in message:
                    raise LspError(message["error"])
                return message.get("result")

    def notify(self, method: str, params) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, matches=lambda params: True, after: int = 0) -> dict:
        """The params of the first notification `method` from the `after`th on that matches."""
        deadline = time.monotonic() + TIMEOUT
        seen = after
        while True:
            for message in self.notifications[seen:]:
                seen += 1
                if message["method"] == method and matches(message["params"]):
                    return message["params"]
            self._next(deadline, method)

    def diagnostics(self, uri: str, after: int = 0, version: int | None = None) -> list[dict]:
        """The diagnostics published for `uri` from the `after`th notification on (with
        the document version `version`, if given)."""
        return self.wait_for("textDocument/publishDiagnostics",
                             lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
                             after)["diagnostics"]

    def published_since(self, after: int) -> list[dict]:
        """Every publication of diagnostics received so far from the `after`th notification on."""
        return [m["params"] for m in self.notifications[after:] if m["method"] == "textDocument/publishDiagnostics"]

    def published(self, uri: str, after: int = 0) -> list[dict]:
        """Every publication for `uri` received so far from the `after`th notification on."""
        return [m["params"] for m in self.notifications[after:]
                if m["method"] == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]

    # ---- documents
    def open(self, uri: str, text: str, version: int = 1) -> int:
        """Open a document; the number of notifications before it (for `diagnostics`)."""
        mark = len(self.notifications)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "tspol",
                                                              "version": version, "text": text}})
        return mark

    def change(self, uri: str, text: str, version: int) -> int:
        mark = len(self.notifications)
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})
        return mark

    def close_document(self, uri: str) -> int:
        mark = len(self.notifications)
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return mark

    # ---- the end
    def shutdown(self) -> int:
        """Shut the server down as a client does; its exit code."""
        self.request("shutdown")
        self.notify("exit", None)
        try:
            return self.process.wait(TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()

    def error_output(self) -> str:
        return b"".join(self.stderr).decode("utf-8", "replace")


def code_units(text: str, encoding: str = "utf-16") -> int:
    """How many code units of `encoding` a text takes, as Python's codecs count them."""
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text.encode("utf-8")) if encoding == "utf-8" else len(text)


def apply_edits(text: str, edits: list[dict], encoding: str = "utf-16") -> str:
    """A text with protocol TextEdits applied, as an editor applies them: positions in
    code units of `encoding`, lines split at `\\n`, `\\r\\n` or `\\r`."""
    lines = re.split(r"(?<=\n)|(?<=\r)(?!\n)", text)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: dict) -> int:
        if position["line"] >= len(lines):
            return len(text)
        line = lines[position["line"]].rstrip("\r\n")
        for index in range(len(line)):
            if code_units(line[:index], encoding) >= position["character"]:
                return starts[position["line"]] + index
        return starts[position["line"]] + len(line)

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text
