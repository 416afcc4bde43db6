// The one entry point for both extension hosts (`main` and `browser` in
// package.json): the Node host of VS Code desktop and remote workspaces, and
// the browser's web worker host of VS Code for the Web. It picks the host's
// platform when activated, so the .vsix carries one bundle, not a copy per host.

import type * as vscode from 'vscode';
import type { AgreementCiteApi } from './extension';
import * as nodeEntry from './extension.node';
import * as webEntry from './extension.browser';
import { runsInNode } from './platform/whichHost';

export function activate(context: vscode.ExtensionContext): AgreementCiteApi {
  return (runsInNode() ? nodeEntry : webEntry).activate(context);
}

export const deactivate = nodeEntry.deactivate;
