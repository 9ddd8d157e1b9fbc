"use strict";
// The tspol extension: `.pol` files get the TextMate grammar (package.json), and
// `tspol lsp` as their language server, restarted when `tspol.path` changes.

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");
const { SECTION, serverOptions } = require("./server");

let client;

async function start() {
  const options = serverOptions(vscode.workspace.getConfiguration(SECTION));
  client = new LanguageClient("tspol", "tspol", options, {
    documentSelector: [{ language: "tspol", scheme: "file" }, { language: "tspol", scheme: "untitled" }],
  });
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    vscode.window.showErrorMessage(
      `tspol: \`${options.command} lsp\` did not start (${error.message}). ` +
        "Set tspol.path to the tspol command, such as .venv/bin/tspol.",
    );
  }
}

async function stop() {
  if (client !== undefined) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(`${SECTION}.path`)) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
