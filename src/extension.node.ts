// Entry point in the Node extension host (VS Code desktop, remote workspaces,
// code-server): `main` in package.json. What it does is in extension.ts.

import type * as vscode from 'vscode';
import { activate as activateIn, deactivate, type AgreementCiteApi } from './extension';
import { nodePlatform } from './platform/node';

export function activate(context: vscode.ExtensionContext): AgreementCiteApi {
  return activateIn(context, nodePlatform);
}

export { deactivate };
