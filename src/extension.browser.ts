// Entry point in the browser's web worker extension host (VS Code for the Web:
// vscode.dev, github.dev, code-server running the extension in the browser):
// `browser` in package.json. What it does is in extension.ts.

import type * as vscode from 'vscode';
import { activate as activateIn, deactivate, type AgreementCiteApi } from './extension';
import { webPlatform } from './platform/web';

export function activate(context: vscode.ExtensionContext): AgreementCiteApi {
  return activateIn(context, webPlatform);
}

export { deactivate };
