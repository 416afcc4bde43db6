// The runner's options: each is a command-line flag, an environment variable,
// or both (a flag wins). To add one, add an entry to OPTIONS; readOptions()
// returns every entry's value under its name, checked, plus the paths derived
// from them.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../vscode-test-env.mjs';
import { checkLocale } from '../vscode-test-locale.mjs';

/** A bad flag or setting: the runner exits with EXIT.harness before starting anything. */
export class OptionsError extends Error {}

/** An environment variable set to anything but '', '0' or 'false'. */
export const truthy = (v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

const positiveSeconds = (v, name) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new OptionsError(`invalid ${name}: ${v}`);
  return n;
};

const projectPath = (...parts) => path.join(projectRoot, ...parts);

/**
 * Every option: `flag` (a boolean or string on the command line), `env` (the
 * environment variable), `default`, and `read` (the value from its text,
 * which may throw an OptionsError).
 */
export const OPTIONS = {
  /** The workspace opened untrusted (Restricted Mode). */
  restricted: { flag: 'boolean', env: 'AGREEMENT_CITE_RESTRICTED' },
  /** The extension and the suite in the browser's web worker extension host (VS Code for the Web). */
  web: { flag: 'boolean', env: 'AGREEMENT_CITE_WEB' },
  /** Relay the workbench's own log, the browser console and code-server's output too. */
  verbose: { flag: 'boolean', env: 'AGREEMENT_CITE_VSCODE_VERBOSE' },
  /** The whole run's time limit in seconds, startup included. */
  timeout: { flag: 'string', env: 'AGREEMENT_CITE_VSCODE_TIMEOUT', default: '900', read: positiveSeconds },
  /** VS Code's display language for the run (scripts/vscode-test-locale.mjs); English unless given. */
  locale: {
    flag: 'string',
    env: 'AGREEMENT_CITE_LOCALE',
    read: (v) => {
      try {
        return checkLocale(v);
      } catch (err) {
        throw new OptionsError(err.message);
      }
    },
  },
  /** Only the tests whose full title matches this pattern. */
  grep: { flag: 'string', env: 'AGREEMENT_CITE_TEST_GREP' },
  /** The extension under test (a folder with package.json). */
  extPath: { env: 'AGREEMENT_CITE_EXT_PATH', default: projectRoot, read: (v) => path.resolve(v) },
  /** The suite's entry, as VS Code's extensionTestsPath. */
  testsPath: { env: 'AGREEMENT_CITE_TESTS_PATH', default: projectPath('out', 'test', 'integration', 'index.js'), read: (v) => path.resolve(v) },
  /** The folder whose copy VS Code opens. */
  workspaceSource: { env: 'AGREEMENT_CITE_WORKSPACE', default: projectPath('test', 'fixtures', 'workspace'), read: (v) => path.resolve(v) },
  /** Reports, screenshots and logs. */
  resultsDir: { env: 'AGREEMENT_CITE_RESULTS_DIR', default: projectPath('test-results'), read: (v) => path.resolve(v) },
  /** Keep the run's temporary folder (profile, workspace copy, logs) for a look afterwards. */
  keepTmp: { env: 'AGREEMENT_CITE_KEEP_TMP' },
};

/** Reads OPTIONS from the command line and the environment, and derives the paths of the run's results. */
export function readOptions(args = process.argv.slice(2), env = process.env) {
  const flags = Object.fromEntries(
    Object.entries(OPTIONS)
      .filter(([, o]) => o.flag)
      .map(([name, o]) => [name, { type: o.flag }]),
  );
  let given;
  try {
    given = parseArgs({ args, options: flags }).values;
  } catch (err) {
    throw new OptionsError(err.message);
  }
  const options = {};
  for (const [name, o] of Object.entries(OPTIONS)) {
    const fromEnv = o.env ? env[o.env] : undefined;
    if (o.flag === 'boolean' || (!o.flag && !o.read)) {
      options[name] = given[name] === true || truthy(fromEnv);
      continue;
    }
    const text = given[name] ?? (fromEnv === '' ? undefined : fromEnv) ?? o.default;
    options[name] = text === undefined ? undefined : o.read ? o.read(text, o.flag ? `--${name}` : o.env) : text;
  }
  if (options.web && options.restricted) throw new OptionsError('--web and --restricted are separate runs');
  return Object.freeze({
    ...options,
    timeoutMs: options.timeout * 1000,
    screenshotsDir: path.join(options.resultsDir, 'screenshots'),
    reportFile: path.join(options.resultsDir, options.web ? 'integration-web.txt' : 'integration.txt'),
    /** Screenshots of the web run are told apart by this prefix. */
    screenshotPrefix: options.web ? 'web-' : '',
  });
}
