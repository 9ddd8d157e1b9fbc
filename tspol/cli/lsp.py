"""`tspol lsp`: the language server, over standard input and output (tspol.lsp)."""

from __future__ import annotations

import logging
import os

import click

from tspol.cli.common import needs_modules
from tspol.cli.help import Command


@click.command("lsp", cls=Command)
@click.option("--stdio", is_flag=True, help="Speak over standard input and output: the default, and the only "
                                            "transport (editors' clients pass it).")
def command(stdio):
    """Run the tspol language server over standard input and output.

    An editor starts it and speaks the Language Server Protocol to it: diagnostics
    of the whole pack as you type, hover, go to definition, references, rename,
    completion, formatting, document symbols, folding and quick fixes. Needs the
    `lsp` extra: pip install 'tspol[lsp]'.
    """
    needs_modules("`tspol lsp`", ("pygls", "lsprotocol"), "lsp")
    from tspol.lsp.server import serve

    handler = logging.StreamHandler()  # standard error: standard output is the protocol's
    handler.setFormatter(_OneLine("tspol lsp: %(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    serve()


class _OneLine(logging.Formatter):
    """A log record on one line, an exception as its type and message (TSPOL_DEBUG=1
    adds the traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        line = self.formatMessage(record)
        if record.exc_info and record.exc_info[1] is not None:
            line += f": {type(record.exc_info[1]).__name__}: {record.exc_info[1]}"
            if os.environ.get("TSPOL_DEBUG"):
                line += "\n" + self.formatException(record.exc_info)
        return line
