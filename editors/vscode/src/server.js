"use strict";
// How the extension runs the language server: `tspol lsp` over stdio, with the
// `tspol` command of the `tspol.path` setting. Apart from extension.js so that
// it can be run without VS Code (tests/test_vscode.py does).

const SECTION = "tspol";
const DEFAULT_PATH = "tspol";

/** The command of the setting: a name on PATH, or a path (relative ones to the workspace folder). */
function tspolPath(configuration) {
  const path = configuration.get("path", DEFAULT_PATH);
  return typeof path === "string" && path.trim() !== "" ? path.trim() : DEFAULT_PATH;
}

/** vscode-languageclient's ServerOptions: an executable, spoken to over its stdin and stdout.
 * No `transport`: with TransportKind.stdio the client would add `--stdio` to the arguments. */
function serverOptions(configuration) {
  return { command: tspolPath(configuration), args: ["lsp"] };
}

module.exports = { SECTION, serverOptions, tspolPath };
