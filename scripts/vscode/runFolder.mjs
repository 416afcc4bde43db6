// The run's temporary folder: a fresh copy of the workspace (tests may write
// to it, and runs never meet), VS Code's profile, and the XDG folders that
// keep code-server's and Chromium's files out of the user's home.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testWindowSettings } from './workbenchSettings.mjs';

/**
 * Makes the folder and registers its removal (unless `keepTmp`). Returns
 * `{ tmp, workspace, userDataDir, extensionsDir, xdg }`, `xdg` being the
 * environment variables that point config, data and cache into it.
 */
export function makeRunFolder({ options, extensionId, cleanup, log }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-vscode-'));
  cleanup.add(() => (options.keepTmp ? log(`kept ${tmp}`) : fs.rmSync(tmp, { recursive: true, force: true })));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(options.workspaceSource, workspace, { recursive: true, filter: (src) => !src.split(path.sep).includes('.scratch') });
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(testWindowSettings({ web: options.web, extensionId }), null, 2));
  return {
    tmp,
    workspace,
    userDataDir,
    extensionsDir: path.join(tmp, 'extensions'),
    xdg: {
      XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
      XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
      XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    },
  };
}
