import * as vscode from 'vscode';

import { TemplateCodeLens } from './codelens';
import { registerCommands } from './commands';
import { PreviewPanel } from './preview/panel';
import { PresendServer } from './server';
import { TemplateStatus } from './status';
import { TEMPLATE_LANGUAGES } from './templates';

/**
 * Entry point of the Presend extension: starts the language server (bundled as
 * `dist/server.js`) and wires the status item, code lenses, commands and panels to it.
 */

let server: PresendServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Presend', { log: true });
  server = new PresendServer(context, output);

  const lenses = new TemplateCodeLens(server);
  context.subscriptions.push(
    output,
    server,
    new TemplateStatus(server),
    lenses,
    vscode.languages.registerCodeLensProvider(
      TEMPLATE_LANGUAGES.map((language) => ({ language })),
      lenses,
    ),
    ...registerCommands(context, server),
    PreviewPanel.registerSerializer(context, server),
    // The server was started with the workspace untrusted; its limits lift only on a restart.
    vscode.workspace.onDidGrantWorkspaceTrust(() => server?.restart()),
  );

  await server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
