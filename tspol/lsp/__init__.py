"""The language server of tspol (`tspol lsp`, the `lsp` extra).

    positions   tspol's lines and columns <-> the protocol's (UTF-16 code units)
    index       every name of a pack where it is declared and used
    snapshot    one pack as an editor has it: files on disk under the open buffers
    hover       a name, or a table row, in words
    completion  the keywords and names that fit at a place
    outline     a file's document symbols and folding ranges
    edits       rename, formatting, and quick fixes of diagnostics
    server      the protocol glue (pygls), the only module that imports pygls

Everything but `server` is plain functions over a Snapshot, in tspol's terms (spans,
1-based lines and columns counting characters), so it is tested without a client.
The package comes after tspol.workspace: it reads packs only through a Workspace.
"""
