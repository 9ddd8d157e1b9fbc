"""The language server: the protocol's messages in, the plain functions of tspol.lsp out.

Each handler turns the protocol's positions into tspol's (tspol.lsp.positions), asks
a function over a Snapshot of the document's pack, and turns the answer back into
the protocol's types. Documents are synchronised whole (a pack's files are small),
and the pack is read again from disk, under the open buffers, for every request.

Diagnostics are published for every file of the pack a document belongs to, 300 ms
after the last change of any document of that pack (a burst of keystrokes is
checked once), and cleared for the files that left the pack.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from lsprotocol import types
from pygls import uris
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer

from tspol.diagnostics import ERROR, Diagnostic, Span, TspolError
from tspol.messages import say
from tspol.dsl.sources import pack_root
from tspol.lsp import completion, edits, hover, outline
from tspol.lsp.positions import Positions
from tspol.lsp.snapshot import Snapshot

DEBOUNCE_SECONDS = 0.3
logger = logging.getLogger(__name__)
SYMBOL_KINDS = {
    "policy": types.SymbolKind.Module, "region": types.SymbolKind.EnumMember, "input": types.SymbolKind.Variable,
    "metric": types.SymbolKind.Field, "basis": types.SymbolKind.Constant, "rule": types.SymbolKind.Class,
    "table": types.SymbolKind.Struct, "row": types.SymbolKind.Event, "measure": types.SymbolKind.Function,
    "category": types.SymbolKind.Package, "reason": types.SymbolKind.Key, "hold": types.SymbolKind.Object,
    "ledger": types.SymbolKind.Object, "appeals": types.SymbolKind.Object, "threshold": types.SymbolKind.Number,
    "levels": types.SymbolKind.Enum, "level": types.SymbolKind.EnumMember, "param": types.SymbolKind.Constant,
    "amendment": types.SymbolKind.Namespace,
}
COMPLETION_KINDS = {
    "keyword": types.CompletionItemKind.Keyword, "input": types.CompletionItemKind.Variable,
    "metric": types.CompletionItemKind.Field, "basis": types.CompletionItemKind.Constant,
    "measure": types.CompletionItemKind.Function, "region": types.CompletionItemKind.EnumMember,
    "reason": types.CompletionItemKind.Reference, "category": types.CompletionItemKind.Module,
    "levels": types.CompletionItemKind.Enum, "level": types.CompletionItemKind.EnumMember,
    "param": types.CompletionItemKind.Constant,
}


def _version() -> str:
    try:
        return version("tspol")
    except PackageNotFoundError:  # a source tree that is not installed
        return "0"


class TspolServer(LanguageServer):
    def __init__(self):
        super().__init__("tspol", _version(), text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.pending: dict[str, asyncio.Task] = {}  # pack -> the publication waiting for its debounce
        self.published: dict[str, set[str]] = {}  # pack -> the URIs it last published diagnostics for
        self.snapshots: dict[str, Snapshot] = {}  # pack -> its last snapshot, kept while its texts are the same

    @functools.cached_property
    def lang(self) -> str:
        """The language of diagnostics: TSPOL_LANG, else the locale the editor started the server in."""
        from tspol import i18n

        try:
            return i18n.chosen(None)
        except i18n.UnknownLanguage:
            return i18n.DEFAULT

    def said(self, d: Diagnostic, between: str = "\n") -> str:
        """A diagnostic's message and help, in the server's language."""
        help = say("render.help", help=d.help).text(self.lang) if d.help else ""
        return d.text(self.lang) + (between + help if help else "")

    # ---- documents and packs
    def buffers(self, last: str) -> dict[str, str]:
        """The open .pol documents that are files, path -> text, the one at `last` last."""
        found = {}
        for uri, document in self.workspace.text_documents.items():
            path = uris.to_fs_path(uri)
            if path is not None and path.endswith(".pol"):
                found[os.path.abspath(path)] = document.source
        if last in found:
            found[last] = found.pop(last)
        return found

    def snapshot(self, uri: str) -> Snapshot:
        """The pack of a document, as the editor has it; TspolError when it cannot be read.
        The last snapshot of the pack while its texts are unchanged, with what it has
        computed (an editor asks for code actions at every move of the cursor)."""
        path = uris.to_fs_path(uri)
        if path is None:
            found = Snapshot.of_text(uri, self.workspace.get_text_document(uri).source)
        else:
            path = os.path.abspath(path)
            found = Snapshot.of_file(path, self.buffers(last=path))
        kept = self.snapshots.get(found.workspace.root)
        if kept is not None and kept.workspace.sources.hash == found.workspace.sources.hash:
            return kept
        self.snapshots[found.workspace.root] = found
        return found

    def path_of(self, uri: str) -> str:
        """The path of a document in its snapshot: its file's, or for a document that is
        no file, its URI."""
        path = uris.to_fs_path(uri)
        return uri if path is None else os.path.abspath(path)

    def uri_of(self, path: str) -> str:
        """The URI of a path of a snapshot: an open document's own, else the file's."""
        for uri in self.workspace.text_documents:
            if self.path_of(uri) == path:
                return uri
        return uris.from_fs_path(path)

    def positions(self, text: str) -> Positions:
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return _positions(text, getattr(encoding, "value", encoding))

    # ---- diagnostics
    def schedule(self, uri: str) -> None:
        """Publish the diagnostics of the document's pack once no change has come for a while."""
        key = self.pack_of(uri)
        waiting = self.pending.pop(key, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[key] = asyncio.ensure_future(self._publish_later(key, uri))

    def pack_of(self, uri: str) -> str:
        path = uris.to_fs_path(uri)
        return uri if path is None else str(pack_root(Path(os.path.abspath(path))))

    async def _publish_later(self, key: str, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        self.pending.pop(key, None)
        try:
            self.publish(key, uri)
        except Exception as exc:  # a bug in tspol: said, and the server goes on
            message = say("lsp.internal", pack=key, error=f"{type(exc).__name__}: {exc}")
            logger.error(message)  # the log in English; the editor's window in the server's language
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                             message=f"tspol: {message.text(self.lang)}"))

    def publish(self, key: str, uri: str) -> None:
        try:
            snapshot = self.snapshot(uri)
            found, texts = snapshot.diagnostics(), dict(snapshot.texts)
        except TspolError as exc:
            found, texts = list(exc.diagnostics), {}
        by_path: dict[str, list[Diagnostic]] = {path: [] for path in texts}
        for diagnostic in found:
            by_path.setdefault(diagnostic.span.path if diagnostic.span else diagnostic.path or key, []).append(diagnostic)
        sent = set()
        for path, diagnostics in by_path.items():
            target = self.uri_of(path)
            self.send_diagnostics(target, [self.diagnostic(d, texts) for d in diagnostics])
            sent.add(target)
        for gone in self.published.get(key, set()) - sent:
            self.send_diagnostics(gone, [])
        self.published[key] = sent

    def send_diagnostics(self, uri: str, diagnostics: list[types.Diagnostic]) -> None:
        document = self.workspace.text_documents.get(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=document.version if document else None))

    def diagnostic(self, d: Diagnostic, texts: Mapping[str, str]) -> types.Diagnostic:
        """A diagnostic of a snapshot whose files have these texts."""
        span = d.span or Span(d.path or "", d.line or 1, 1, d.line or 1, 1)
        related = [types.DiagnosticRelatedInformation(self.location(r.span, texts), r.text(self.lang))
                   for r in d.related]
        return types.Diagnostic(
            range=self.range(span, texts), message=self.said(d),
            severity=types.DiagnosticSeverity.Error if d.severity == ERROR else types.DiagnosticSeverity.Warning,
            code=d.code, source="tspol", related_information=related or None)

    def range(self, span: Span, texts: Mapping[str, str]) -> types.Range:
        start, end = self.positions(texts.get(span.path, "")).span_range(span)
        return types.Range(start=types.Position(*start), end=types.Position(*end))

    def location(self, span: Span, texts: Mapping[str, str]) -> types.Location:
        return types.Location(uri=self.uri_of(span.path), range=self.range(span, texts))


server = TspolServer()


@functools.lru_cache(maxsize=64)
def _positions(text: str, encoding: str) -> Positions:
    return Positions(text, encoding)


class _Request:
    """A request's document and place in tspol's terms: the snapshot of its pack, its
    path there, and the line and column of the position."""

    def __init__(self, ls: TspolServer, uri: str, position: types.Position | None = None):
        self.ls = ls
        self.snapshot = ls.snapshot(uri)
        self.path = ls.path_of(uri)
        self.positions = ls.positions(self.snapshot.texts[self.path])
        if position is not None:
            self.line, self.column = self.positions.from_protocol(position.line, position.character)

    def range(self, span: Span) -> types.Range:
        return self.ls.range(span, self.snapshot.texts)

    def location(self, span: Span) -> types.Location:
        return self.ls.location(span, self.snapshot.texts)

    def workspace_edit(self, found: list[edits.Edit]) -> types.WorkspaceEdit:
        changes: dict[str, list[types.TextEdit]] = {}
        for edit in found:
            changes.setdefault(self.ls.uri_of(edit.span.path), []).append(
                types.TextEdit(range=self.range(edit.span), new_text=edit.text))
        return types.WorkspaceEdit(changes=changes)


def _at(ls: TspolServer, uri: str, position: types.Position | None = None) -> _Request | None:
    """The request's place, or None when its pack cannot be read (the diagnostics say why)."""
    try:
        return _Request(ls, uri, position)
    except TspolError:
        return None


# ---- documents

@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: TspolServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: TspolServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: TspolServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: TspolServer, params: types.DidCloseTextDocumentParams) -> None:
    if uris.to_fs_path(params.text_document.uri) is None:  # no file to read it from again
        ls.send_diagnostics(params.text_document.uri, [])
    else:
        ls.schedule(params.text_document.uri)  # the file as it is on disk


# ---- reading

@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: TspolServer, params: types.HoverParams) -> types.Hover | None:
    at = _at(ls, params.text_document.uri, params.position)
    text = hover.hover(at.snapshot, at.path, at.line, at.column, ls.lang) if at else None
    if text is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def on_definition(ls: TspolServer, params: types.DefinitionParams) -> list[types.Location] | None:
    at = _at(ls, params.text_document.uri, params.position)
    occurrence = at.snapshot.index.at(at.path, at.line, at.column) if at else None
    if occurrence is None:
        return None
    return [at.location(s.span) for s in at.snapshot.index.definitions(occurrence.namespace, occurrence.name)]


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def on_references(ls: TspolServer, params: types.ReferenceParams) -> list[types.Location] | None:
    at = _at(ls, params.text_document.uri, params.position)
    occurrence = at.snapshot.index.at(at.path, at.line, at.column) if at else None
    if occurrence is None:
        return None
    return [at.location(o.span) for o in at.snapshot.index.occurrences_of(occurrence.namespace, occurrence.name)
            if params.context.include_declaration or not o.declares]


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def on_document_symbol(ls: TspolServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
    at = _at(ls, params.text_document.uri)
    if at is None:
        return []

    def symbol(entry: outline.Entry) -> types.DocumentSymbol:
        return types.DocumentSymbol(name=entry.name, kind=SYMBOL_KINDS[entry.kind], range=at.range(entry.span),
                                    selection_range=at.range(entry.name_span), detail=entry.detail or None,
                                    children=[symbol(child) for child in entry.children] or None)

    return [symbol(entry) for entry in outline.outline(at.snapshot.index.files[at.path])]


@server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
def on_folding_range(ls: TspolServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
    at = _at(ls, params.text_document.uri)
    if at is None:
        return []
    found = []
    for span, kind in outline.folds(at.snapshot.index.files[at.path], at.snapshot.texts[at.path]):
        where = at.range(span)
        first, last = where.start.line, where.end.line
        if kind == "region" and last > first + 1:
            last -= 1  # the closing `}` stays in sight
        found.append(types.FoldingRange(start_line=first, end_line=last, kind=types.FoldingRangeKind(kind)))
    return found


@server.feature(types.TEXT_DOCUMENT_COMPLETION)
def on_completion(ls: TspolServer, params: types.CompletionParams) -> types.CompletionList:
    at = _at(ls, params.text_document.uri)
    if at is None:
        return types.CompletionList(is_incomplete=False, items=[])
    offset = at.positions.protocol_offset(params.position.line, params.position.character)
    items = [types.CompletionItem(label=c.label, kind=COMPLETION_KINDS.get(c.kind, types.CompletionItemKind.Text),
                                  detail=c.detail or None, documentation=c.documentation or None)
             for c in completion.complete(at.snapshot, at.path, offset, ls.lang)]
    return types.CompletionList(is_incomplete=False, items=items)


# ---- editing

@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def on_prepare_rename(ls: TspolServer, params: types.PrepareRenameParams):
    at = _at(ls, params.text_document.uri, params.position)
    occurrence = edits.renamed(at.snapshot, at.path, at.line, at.column) if at else None
    if occurrence is None:
        return None
    return types.PrepareRenamePlaceholder(range=at.range(occurrence.span), placeholder=occurrence.name)


@server.feature(types.TEXT_DOCUMENT_RENAME)  # with prepareRename, if the client takes it
def on_rename(ls: TspolServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    at = _at(ls, params.text_document.uri, params.position)
    if at is None:
        return None
    try:
        return at.workspace_edit(edits.rename(at.snapshot, at.path, at.line, at.column, params.new_name))
    except TspolError as exc:
        refused = exc.diagnostics[0]
        said = refused.text(ls.lang) + (f"; {refused.help_text(ls.lang)}" if refused.help else "")
        raise JsonRpcException(f"tspol: error[{refused.code}]: {said}", code=types.LSPErrorCodes.RequestFailed) from None


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def on_formatting(ls: TspolServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
    at = _at(ls, params.text_document.uri)
    found = edits.formatting(at.snapshot.texts[at.path], at.path) if at else None
    if found is None:
        return None
    return [types.TextEdit(range=at.range(edit.span), new_text=edit.text) for edit in found]


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def on_code_action(ls: TspolServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    at = _at(ls, params.text_document.uri)
    if at is None:
        return None
    start, end = params.range.start, params.range.end
    span = at.positions.range_span(at.path, (start.line, start.character), (end.line, end.character))
    return [types.CodeAction(title=fix.title, kind=types.CodeActionKind.QuickFix, is_preferred=fix.preferred or None,
                             diagnostics=[ls.diagnostic(fix.diagnostic, at.snapshot.texts)],
                             edit=at.workspace_edit(list(fix.edits)))
            for fix in edits.fixes(at.snapshot, span)]


# ---- running

def serve() -> None:
    """Speak the protocol over standard input and output until the client says exit."""
    server.start_io()
