// The same integration suite (out/test/integration/index.js) in desktop VS Code
// via @vscode/test-electron, for machines that can download VS Code from
// Microsoft's update service (the offline machines here cannot: use
// scripts/run-vscode-tests.mjs, which runs the suite in code-server).
//
//   npm run build && npx tsc -p tsconfig.test.json
//   npm run test:vscode:electron              # trusted workspace
//   npm run test:vscode:electron -- --restricted
//
// On Linux without a display, wrap it: `xvfb-run -a npm run test:vscode:electron`.
// Environment: AGREEMENT_CITE_VSCODE_VERSION (default 'stable'), AGREEMENT_CITE_EXT_PATH,
// AGREEMENT_CITE_RESTRICTED=1, AGREEMENT_CITE_TEST_GREP (as for the code-server runner).
// VS Code is downloaded to and cached in <cwd>/.vscode-test/.

import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestRunFailedError, downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const SUMMARY_LINE = /^\d+ passed, \d+ failed(, \d+ skipped)?$/;

function truthy(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

async function main(): Promise<number> {
  const restricted = process.argv.includes('--restricted') || truthy(process.env.AGREEMENT_CITE_RESTRICTED);
  const version = process.env.AGREEMENT_CITE_VSCODE_VERSION || 'stable';
  const extensionDevelopmentPath = path.resolve(process.env.AGREEMENT_CITE_EXT_PATH || projectRoot);
  // A directory with index.js; VS Code requires it and calls its run().
  const extensionTestsPath = path.resolve(__dirname, 'index');
  const workspace = path.join(projectRoot, 'test', 'fixtures', 'workspace');
  const resultsDir = path.join(projectRoot, 'test-results');
  fs.rmSync(path.join(resultsDir, 'integration.txt'), { force: true });

  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('No display: VS Code (Electron) needs one. Run under `xvfb-run -a`.');
  }

  // Read by the tests through test/integration/harness.ts.
  const extensionTestsEnv = {
    AGREEMENT_CITE_TEST_HOST: 'electron',
    AGREEMENT_CITE_WORKSPACE_TRUST: restricted ? 'restricted' : 'trusted',
    AGREEMENT_CITE_RESULTS_DIR: resultsDir,
    AGREEMENT_CITE_TEST_GREP: process.env.AGREEMENT_CITE_TEST_GREP,
  };
  // Fresh profile each run, like the code-server runner: no state from a previous run.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-electron-'));
  const launchArgs = [
    workspace,
    '--disable-extensions', // other installed extensions; the one under development still loads
    `--user-data-dir=${path.join(profile, 'user-data')}`,
    `--extensions-dir=${path.join(profile, 'extensions')}`,
  ];

  try {
    if (!restricted) {
      // runTests adds --disable-workspace-trust itself; resolves 0, rejects with
      // TestRunFailedError when the suite fails (anything else, e.g. a failed
      // download, reaches main's catch and exits 2).
      try {
        return await runTests({ version, extensionDevelopmentPath, extensionTestsPath, launchArgs, extensionTestsEnv });
      } catch (err) {
        if (!(err instanceof TestRunFailedError)) throw err;
        console.error(err.message);
        return 1;
      }
    }
    // runTests always passes --disable-workspace-trust, so a Restricted Mode
    // run starts the downloaded VS Code directly with the same arguments minus that one.
    const executable = await downloadAndUnzipVSCode({ version });
    const args = [
      ...launchArgs,
      '--no-sandbox',
      '--disable-gpu-sandbox',
      '--disable-updates',
      '--skip-welcome',
      '--skip-release-notes',
      `--extensionTestsPath=${extensionTestsPath}`,
      `--extensionDevelopmentPath=${extensionDevelopmentPath}`,
    ];
    return await new Promise<number>((resolve) => {
      const child = spawn(executable, args, { env: { ...process.env, ...extensionTestsEnv }, stdio: 'inherit' });
      child.on('error', (err) => {
        console.error(`could not start ${executable}: ${err.message}`);
        resolve(2);
      });
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    // Repeat the suite's summary as the last line, where CI looks for it.
    try {
      const report = fs.readFileSync(path.join(projectRoot, 'test-results', 'integration.txt'), 'utf8');
      const summary = report
        .split('\n')
        .reverse()
        .find((l) => SUMMARY_LINE.test(l));
      if (summary) console.log(summary);
    } catch {
      // no report: VS Code did not get as far as running the suite
    }
    process.exit(code);
  },
  (err: unknown) => {
    console.error('Failed to run the tests in VS Code (Electron):', err);
    process.exit(2);
  },
);
