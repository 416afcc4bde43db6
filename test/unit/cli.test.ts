// The command line as a user runs it: dist/cli.js built afresh, spawned with
// Node in temporary folders, its output read as text, JSON, SARIF (checked
// against the published SARIF 2.1.0 schema) and workflow annotations, its
// exit codes, --fix round trips, globs, settings and bad input.

import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { applyPatch } from 'diff';
import { checkDocument } from '../../src/core/check/checker';
import { exportSources } from '../../src/core/references/export';
import { sortSources } from '../../src/core/references/sourcesSection';
import { LineIndex } from '../../src/core/document/text';
import { bundled, projectRoot } from './helpers';

const FIXTURES = path.join(projectRoot, 'test', 'fixtures', 'cli');
let buildDir: string;
let cli: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding the named fixture files (name → fixture, or literal text). */
function folder(files: Record<string, string | { fixture: string }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : fs.readFileSync(path.join(FIXTURES, content.fixture)));
  }
  return dir;
}

interface JsonOut {
  tool: { name: string; version: string };
  files: {
    path: string;
    findings: {
      code: string;
      severity: string;
      message: string;
      line: number;
      column: number;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      fixes?: string[];
    }[];
    notChecked?: { code: string; message: string };
  }[];
  summary: { files: number; notChecked: number; counts: Record<string, number> };
}

/** What the tests read of a SARIF log (the schema checks the rest). */
interface SarifLog {
  version: string;
  runs: {
    results: { ruleId: string; level: string; locations: { physicalLocation: unknown }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

const ESC = '\u001b';
const MISQUOTE = { fixture: 'misquote.md' };
const CLEAN = { fixture: 'clean.md' };

suite('command line', function () {
  this.timeout(120_000);

  suiteSetup(() => {
    buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-cli-build-'));
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'esbuild.js')], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, AGREEMENT_CITE_OUT_DIR: buildDir },
    });
    assert.strictEqual(r.status, 0, r.stderr);
    cli = path.join(buildDir, 'cli.js');
    assert.match(fs.readFileSync(cli, 'utf8').slice(0, 40), /^#!\/usr\/bin\/env node\n/);
  });

  suiteTeardown(() => fs.rmSync(buildDir, { recursive: true, force: true }));

  test('--version, and --help for each command', () => {
    const version = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version as string;
    assert.deepStrictEqual(run(projectRoot, ['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
    assert.match(run(projectRoot, ['--help']).stdout, /agreement-cite check .*\n.*packs check.*\n.*export/);
    for (const [args, heading] of [
      [['check', '--help'], 'Usage: agreement-cite check'],
      [['packs', 'check', '--help'], 'Usage: agreement-cite packs check'],
      [['export', '-h'], 'Usage: agreement-cite export'],
    ] as const) {
      const r = run(projectRoot, [...args]);
      assert.strictEqual(r.code, 0);
      assert.ok(r.stdout.startsWith(heading), r.stdout);
    }
  });

  test('npm pack makes a package of the command alone; installed globally from it, `agreement-cite` runs', () => {
    // Staged as the repository is, with this build's dist/cli.js: npm pack reads package.json and .npmignore.
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-pack-'));
    for (const f of ['package.json', '.npmignore', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore'])
      fs.copyFileSync(path.join(projectRoot, f), path.join(stage, f));
    fs.mkdirSync(path.join(stage, 'dist'));
    fs.copyFileSync(cli, path.join(stage, 'dist', 'cli.js'));
    fs.writeFileSync(path.join(stage, 'dist', 'extension.js'), '// the extension: not in the npm package\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = spawnSync(npm, ['pack', '--ignore-scripts', '--json'], { cwd: stage, encoding: 'utf8' });
    assert.strictEqual(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    assert.deepStrictEqual(info.files.map((f) => f.path).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
    const prefix = path.join(stage, 'global');
    const installed = spawnSync(npm, ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(stage, info.filename)], {
      cwd: os.tmpdir(),
      encoding: 'utf8',
    });
    assert.strictEqual(installed.status, 0, installed.stderr);
    const bin = path.join(prefix, 'bin', 'agreement-cite');
    const dir = folder({ 'misquote.md': MISQUOTE });
    const r = spawnSync(bin, ['check'], { cwd: dir, encoding: 'utf8', env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` } });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stdout, /misquote\.md:3:31 {2}warning {2}misquote/);
    fs.rmSync(stage, { recursive: true, force: true });
  });

  test('usage errors exit 2 with a plain message', () => {
    const dir = folder({ 'a.md': CLEAN });
    const cases: [string[], RegExp][] = [
      [['publish'], /publish: unknown command/],
      [['check', '--frobnicate'], /Unknown option '--frobnicate'/],
      [['check', '--format', 'xml'], /--format xml: expected one of text, json, sarif, github/],
      [['check', '--rule', 'misquotes=off'], /no rule misquotes; the rules are misquote, /],
      [['check', '--date', '2025-13-01'], /--date 2025-13-01: expected a day as YYYY-MM-DD/],
      [['check', 'missing.md'], /missing\.md: no such file or folder/],
      [['check', 'drafts/**/*.md'], /The glob drafts\/\*\*\/\*\.md matches no file/],
      [['export'], /--format is required: one of bibtex, csl-json/],
    ];
    for (const [args, message] of cases) {
      const r = run(dir, args);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.strictEqual(r.stdout, '');
    }
  });

  test('the default output: findings by file, file:line:col, severity, code and message; no colour off a terminal; exit 1', () => {
    const dir = folder({ 'drafts/misquote.md': MISQUOTE, 'drafts/clean.md': CLEAN });
    const r = run(dir, ['check']);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.ok(!r.stdout.includes(ESC), 'no colour codes');
    const lines = r.stdout.split('\n');
    assert.strictEqual(lines[0], 'drafts/misquote.md');
    assert.match(
      lines[1],
      /^ {2}drafts\/misquote\.md:3:31 {2}warning {2}misquote {2}Misquote: differs in words from Keir Starmer’s words as recorded by Reuters, 23 June 2025: /,
    );
    assert.match(
      lines[2],
      /^ {2}drafts\/misquote\.md:5:48 {2}warning {2}wrong-event-date {2}Wrong date: “100-year partnership signed in Kyiv” was on 16 January 2025, not 17 January 2025/,
    );
    assert.ok(!r.stdout.includes('drafts/clean.md'), 'a clean file is not listed');
    assert.match(r.stdout, /✖ 2 findings \(2 warnings\) in 2 files checked\.\n$/);
    // Colour when asked for, never with NO_COLOR.
    assert.ok(run(dir, ['check'], { FORCE_COLOR: '1' }).stdout.includes(`${ESC}[33mwarning${ESC}[0m`));
    assert.ok(!run(dir, ['check'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout.includes(ESC));
  });

  test('exit codes follow --max-severity: info findings pass by default, warnings fail unless the bar is error', () => {
    const dir = folder({ 'spelling.txt': { fixture: 'spelling.txt' }, 'clean.md': CLEAN, 'misquote.md': MISQUOTE });
    const info = run(dir, ['check', 'spelling.txt']);
    assert.match(info.stdout, /spelling\.txt:1:49 {2}info {2}inconsistent-spelling/);
    assert.strictEqual(info.code, 0);
    assert.strictEqual(run(dir, ['check', 'spelling.txt', '--max-severity', 'info']).code, 1);
    assert.strictEqual(run(dir, ['check', 'misquote.md']).code, 1);
    assert.strictEqual(run(dir, ['check', 'misquote.md', '--max-severity', 'error']).code, 0);
    const clean = run(dir, ['check', 'clean.md']);
    assert.deepStrictEqual([clean.code, clean.stdout], [0, '✔ No findings in 1 file.\n']);
  });

  test('--format json: the findings of the core checker, in editor positions', () => {
    const dir = folder({ 'misquote.md': MISQUOTE, 'spelling.txt': { fixture: 'spelling.txt' } });
    const r = run(dir, ['check', '--format', 'json']);
    assert.strictEqual(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.strictEqual(out.tool.name, 'agreement-cite');
    assert.deepStrictEqual(
      out.files.map((f) => f.path),
      ['misquote.md', 'spelling.txt'],
    );
    for (const [name, format] of [
      ['misquote.md', 'markdown'],
      ['spelling.txt', 'plaintext'],
    ] as const) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const lines = new LineIndex(text);
      const expected = checkDocument(text, bundled().index, { format, style: 'auto', dateStyle: 'en-GB', spellings: {} }).map((f) => ({
        code: f.code,
        message: f.message,
        range: lines.rangeOf(f.start, f.end),
        fixes: f.fixes.map((x) => x.title),
      }));
      const got = out.files.find((f) => f.path === name)!.findings.map((f) => ({ code: f.code, message: f.message, range: f.range, fixes: f.fixes }));
      assert.ok(expected.length > 0);
      assert.deepStrictEqual(got, expected);
    }
    assert.deepStrictEqual(out.summary, { files: 2, notChecked: 0, counts: { error: 0, warning: 2, info: 1 } });
  });

  test('--format sarif: valid against the SARIF 2.1.0 schema, one result per finding, located', () => {
    const dir = folder({ 'drafts/misquote.md': MISQUOTE, 'blob.md': 'a\u0000b' });
    const r = run(dir, ['check', '--format', 'sarif']);
    assert.strictEqual(r.code, 2, 'a file not checked is an error');
    const log = JSON.parse(r.stdout) as SarifLog;
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's language pattern is not valid with the u flag: compiled as its authors wrote it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false, logger: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    // The schema is strict enough to catch a log without its tool.
    assert.strictEqual(validate({ ...log, runs: [{ ...log.runs[0], tool: undefined }] }), false);
    assert.strictEqual(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.deepStrictEqual(
      run0.results.map((x) => [x.ruleId, x.level]),
      [
        ['misquote', 'warning'],
        ['wrong-event-date', 'warning'],
      ],
    );
    assert.deepStrictEqual(run0.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'drafts/misquote.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 31, endLine: 3, endColumn: 123 },
    });
    assert.strictEqual(run0.originalUriBaseIds['%SRCROOT%'].uri, `file://${fs.realpathSync(dir)}/`);
    assert.strictEqual(run0.invocations[0].executionSuccessful, false);
    assert.match(run0.invocations[0].toolExecutionNotifications[0].message.text, /^blob\.md: not checked: the file holds binary data/);
    // A clean run is valid too, and successful.
    const clean = JSON.parse(run(folder({ 'a.md': CLEAN }), ['check', '--format', 'sarif']).stdout) as SarifLog;
    assert.ok(validate(clean), JSON.stringify(validate.errors));
    assert.deepStrictEqual(clean.runs[0].results, []);
  });

  test('--format github: one workflow annotation per finding', () => {
    const dir = folder({ 'misquote.md': MISQUOTE, 'spelling.txt': { fixture: 'spelling.txt' } });
    const r = run(dir, ['check', '--format', 'github']);
    assert.strictEqual(r.code, 1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.strictEqual(annotations.length, 3);
    assert.match(
      annotations[0],
      /^::warning file=misquote\.md,line=3,col=31,endLine=3,endColumn=123,title=Agreement Cite \(misquote\)::Misquote: differs in words/,
    );
    assert.match(
      annotations[2],
      /^::notice file=spelling\.txt,line=1,col=49,endLine=1,endColumn=57,title=Agreement Cite \(inconsistent-spelling\)::Volodymyr Zelenskyy is spelled/,
    );
    for (const a of annotations) assert.match(a, /^::(warning|notice|error) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::[^\n]+$/);
  });

  test('--fix makes the fixes with one choice, writes the file, says what changed; the fixed file checks clean', () => {
    const dir = folder({ 'misquote.md': MISQUOTE, 'spelling.txt': { fixture: 'spelling.txt' } });
    const before = fs.readFileSync(path.join(dir, 'spelling.txt'), 'utf8');
    const r = run(dir, ['check', '--fix']);
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^misquote\.md:3:31: fixed misquote: Replace with Keir Starmer’s recorded words \(Reuters\)$/m);
    assert.match(r.stdout, /^misquote\.md:5:48: fixed wrong-event-date: Change to 16 January 2025$/m);
    const fixed = fs.readFileSync(path.join(dir, 'misquote.md'), 'utf8');
    assert.match(
      fixed,
      /“I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement”\[\^reuters-2025-06-23\]\./,
    );
    assert.match(fixed, /signed in Kyiv on 16 January 2025\./);
    assert.match(fixed, /^\[\^reuters-2025-06-23\]: Reuters/m);
    // A spelling has several fixes (which spelling?): the writer's choice, left as it is and still reported.
    assert.strictEqual(fs.readFileSync(path.join(dir, 'spelling.txt'), 'utf8'), before);
    assert.match(r.stdout, /spelling\.txt:1:49 {2}info {2}inconsistent-spelling/);
    const again = run(dir, ['check', 'misquote.md']);
    assert.deepStrictEqual([again.code, again.stdout], [0, '✔ No findings in 1 file.\n']);
  });

  test('--fix-dry-run prints a unified diff that applies to the fixed text, and changes nothing', () => {
    const dir = folder({ 'misquote.md': MISQUOTE });
    const original = fs.readFileSync(path.join(dir, 'misquote.md'), 'utf8');
    const r = run(dir, ['check', '--fix-dry-run']);
    assert.strictEqual(r.code, 1, 'the file still has its findings');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'misquote.md'), 'utf8'), original);
    assert.match(r.stdout, /^--- a\/misquote\.md\n\+\+\+ b\/misquote\.md\n@@ /);
    assert.match(r.stderr, /misquote\.md:3:31: would fix misquote/);
    const patched = applyPatch(original, r.stdout);
    assert.ok(typeof patched === 'string');
    run(dir, ['check', '--fix']);
    assert.strictEqual(patched, fs.readFileSync(path.join(dir, 'misquote.md'), 'utf8'));
  });

  test('globs, folders and files choose what is checked; other files matched are named, not silently dropped', () => {
    const dir = folder({
      'drafts/a.md': MISQUOTE,
      'drafts/sub/b.md': CLEAN,
      'drafts/c.txt': CLEAN,
      'drafts/logo.png': 'png',
      'notes/x.md': MISQUOTE,
      'node_modules/p/readme.md': MISQUOTE,
    });
    const paths = (r: Run): string[] => (JSON.parse(r.stdout) as JsonOut).files.map((f) => f.path);
    assert.deepStrictEqual(paths(run(dir, ['check', '--format', 'json', 'drafts/**/*.md'])), ['drafts/a.md', 'drafts/sub/b.md']);
    assert.deepStrictEqual(paths(run(dir, ['check', '--format', 'json', 'drafts'])), ['drafts/a.md', 'drafts/c.txt', 'drafts/sub/b.md']);
    assert.deepStrictEqual(paths(run(dir, ['check', '--format', 'json'])), ['drafts/a.md', 'drafts/c.txt', 'drafts/sub/b.md', 'notes/x.md']);
    assert.deepStrictEqual(paths(run(dir, ['check', '--format', 'json', 'notes/x.md', 'drafts/sub/b.md'])), ['notes/x.md', 'drafts/sub/b.md']);
    const all = run(dir, ['check', '--format', 'json', 'drafts/*']);
    assert.deepStrictEqual(paths(all), ['drafts/a.md', 'drafts/c.txt']);
    assert.match(all.stderr, /Not checked, not a draft format \(by extension\): drafts\/logo\.png/);
    const none = run(dir, ['check', 'drafts/*.png']);
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /No draft to check/);
  });

  test('many files are checked in worker threads with the same findings, in the same order, as in one', () => {
    const files: Record<string, { fixture: string }> = {};
    for (let i = 0; i < 120; i++)
      files[`drafts/${String(i).padStart(3, '0')}.${i % 3 === 0 ? 'txt' : 'md'}`] = i % 2 === 0 ? MISQUOTE : i % 5 === 0 ? { fixture: 'spelling.txt' } : CLEAN;
    const dir = folder(files);
    const one = run(dir, ['check', '--jobs', '1']);
    const two = run(dir, ['check', '--jobs', '2']);
    assert.strictEqual(one.code, 1, one.stderr);
    assert.deepStrictEqual(two, one);
    assert.match(one.stdout, /✖ 132 findings \(120 warnings, 12 info\) in 120 files checked\.\n$/);
    const fixed = run(dir, ['check', '--jobs', '2', '--fix', '--format', 'json']);
    assert.strictEqual(fixed.code, 0, fixed.stderr);
    assert.strictEqual((fixed.stderr.match(/: fixed misquote: /g) ?? []).length, 60);
    assert.strictEqual(run(dir, ['check', '--jobs', '1']).code, 0);
  });

  test('settings of .vscode/settings.json (with comments and trailing commas) apply, and flags override them', () => {
    const settings = `{
      // The desk's choices
      "agreementCite.check.rules": { "misquote": false, },
      "agreementCite.preferredSpellings": { "Zelenskyy": "Zelensky" },
      "agreementCite.dateLocale": "en-US",
    }`;
    const dir = folder({ 'misquote.md': MISQUOTE, '.vscode/settings.json': settings });
    const codes = (r: Run): string[] => (JSON.parse(r.stdout) as JsonOut).files.flatMap((f) => f.findings.map((x) => x.code));
    const off = run(dir, ['check', '--format', 'json']);
    assert.deepStrictEqual(codes(off), ['wrong-event-date']);
    // en-US dates in messages and fixes.
    assert.match((JSON.parse(off.stdout) as JsonOut).files[0].findings[0].message, /was on January 16, 2025, not/);
    assert.deepStrictEqual(codes(run(dir, ['check', '--format', 'json', '--rule', 'misquote=on'])), ['misquote', 'wrong-event-date']);
    assert.deepStrictEqual(codes(run(dir, ['check', '--format', 'json', '--rule', 'wrong-event-date=off'])), []);
    // A document date: a role is judged at it where the text names no date.
    const roles = folder({ 'r.md': 'Defence minister Rustem Umerov spoke.\n' });
    const at = (r: Run): string => (JSON.parse(r.stdout) as JsonOut).files[0].findings.map((f) => f.message).join('\n');
    assert.strictEqual(at(run(roles, ['check', '--format', 'json', '--date', '2024-05-01'])), '');
    assert.match(at(run(roles, ['check', '--format', 'json', '--date', '2026-01-10'])), /on 10 January 2026/);
    fs.mkdirSync(path.join(roles, '.vscode'));
    fs.writeFileSync(path.join(roles, '.vscode', 'settings.json'), '{ "agreementCite.check.documentDate": "2026-01-10" }');
    assert.match(at(run(roles, ['check', '--format', 'json'])), /on 10 January 2026/);
    assert.strictEqual(at(run(roles, ['check', '--format', 'json', '--date', '2024-05-01'])), '');
    // A settings file that does not parse: exit 2, located.
    fs.writeFileSync(path.join(roles, '.vscode', 'settings.json'), '{\n  "agreementCite.dateLocale": "en-US"\n  "agreementCite.citationStyle": "inline"\n}');
    const broken = run(roles, ['check']);
    assert.strictEqual(broken.code, 2);
    assert.match(broken.stderr, /\.vscode\/settings\.json:3:3: error: the settings file is not valid JSON: CommaExpected/);
  });

  test('bad input: binary, too large, not UTF-8 and unreadable files are each named with the reason, and the run exits 2', () => {
    const dir = folder({ 'ok.md': MISQUOTE, 'binary.md': 'PK\u0003\u0004\u0000\u0000', 'big.md': `${'x'.repeat(3000)}\n` });
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const r = run(dir, ['check', '--max-file-size', '2']);
    assert.strictEqual(r.code, 2);
    assert.match(r.stdout, /binary\.md {2}error {2}binary {2}not checked: the file holds binary data, not text/);
    assert.match(r.stdout, /big\.md {2}error {2}too-large {2}not checked: the file is 2\.9 KiB, over the limit of 2\.0 KiB/);
    assert.match(r.stdout, /latin1\.txt {2}error {2}not-utf8 {2}not checked: the file is not UTF-8 text/);
    assert.match(r.stdout, /ok\.md:3:31 {2}warning {2}misquote/, 'the other files are still checked');
    assert.match(r.stdout, /in 1 file checked; 3 files not checked\.\n$/);
    // A file that cannot be read (/proc/self/mem stats fine and fails to read, even as root).
    const unreadable = process.platform === 'linux' ? '/proc/self/mem' : undefined;
    if (unreadable) {
      const u = run(dir, ['check', unreadable]);
      assert.strictEqual(u.code, 2);
      assert.match(u.stdout, /\/proc\/self\/mem {2}error {2}unreadable {2}not checked: the file could not be read \(EIO\)/);
    }
  });

  test('workspace packs are found as the extension finds them; --pack adds one; --no-workspace-packs leaves them out', () => {
    const draft = '# Draft\n\nThe Kestrel treaty was signed on 4 March 2025.\n';
    const dir = folder({ 'draft.md': draft, '.factpacks/team.yaml': { fixture: 'team-pack.yaml' } });
    const found = run(dir, ['check']);
    assert.strictEqual(found.code, 1, found.stderr);
    assert.match(
      found.stdout,
      /draft\.md:3:34 {2}warning {2}wrong-event-date {2}Wrong date: “Kestrel treaty signed” was on 3 March 2025, not 4 March 2025 \(Team Desk\)\./,
    );
    assert.strictEqual(run(dir, ['check', '--no-workspace-packs']).code, 0);
    const elsewhere = folder({ 'draft.md': draft, 'packs/team.yaml': { fixture: 'team-pack.yaml' } });
    assert.strictEqual(run(elsewhere, ['check']).code, 0, 'a YAML file outside the pack globs is not a pack');
    assert.strictEqual(run(elsewhere, ['check', '--pack', 'packs/team.yaml']).code, 1);
    // agreementCite.packs.include decides where packs are.
    fs.mkdirSync(path.join(elsewhere, '.vscode'));
    fs.writeFileSync(path.join(elsewhere, '.vscode', 'settings.json'), '{ "agreementCite.packs.include": ["packs/*.yaml"] }');
    assert.strictEqual(run(elsewhere, ['check']).code, 1);
  });

  test('a broken pack stops the check with exit 2 and every problem at file:line:col; packs check lists them', () => {
    const dir = folder({ 'draft.md': CLEAN, '.factpacks/team.yaml': { fixture: 'team-pack.yaml' }, '.factpacks/broken.yaml': 'pack:\n  id: [\n' });
    const r = run(dir, ['check']);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /^\.factpacks\/broken\.yaml:2:7: error: YAML syntax: this "\[" is never closed \[yaml-syntax\]$/m);
    assert.match(r.stderr, /A fact pack does not load \(\.factpacks\/broken\.yaml\)/);
    const packs = run(dir, ['packs', 'check']);
    assert.strictEqual(packs.code, 1);
    assert.match(packs.stdout, /^ {2}\.factpacks\/broken\.yaml:2:7 {2}error {2}yaml-syntax {2}YAML syntax: this "\[" is never closed$/m);
    assert.match(packs.stdout, /in 2 packs checked\.\n$/);
    const sarif = JSON.parse(run(dir, ['packs', 'check', '--format', 'sarif']).stdout) as SarifLog;
    assert.ok(sarif.runs[0].results.length > 0 && sarif.runs[0].results.every((x) => x.ruleId === 'yaml-syntax'));
    const good = run(dir, ['packs', 'check', '.factpacks/team.yaml']);
    assert.deepStrictEqual([good.code, good.stdout], [0, '✔ No problems in 1 pack.\n']);
    const missing = run(folder({ 'a.md': CLEAN }), ['packs', 'check']);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /No fact pack under /);
  });

  test('export writes the same BibTeX and CSL-JSON as the editor’s Export Sources, all sources or those cited', () => {
    const dir = folder({ 'misquote.md': MISQUOTE });
    run(dir, ['check', '--fix']);
    const index = bundled().index;
    const all = run(dir, ['export', '--format', 'bibtex', '--no-workspace-packs']);
    assert.strictEqual(all.code, 0, all.stderr);
    assert.strictEqual(all.stdout, exportSources(sortSources(index.sources), 'bibtex'));
    const cited = run(dir, ['export', '--format', 'csl-json', '--cited', 'misquote.md']);
    assert.strictEqual(cited.code, 0, cited.stderr);
    assert.deepStrictEqual(
      (JSON.parse(cited.stdout) as { id: string }[]).map((x) => x.id),
      ['reuters-2025-06-23'],
    );
    const written = run(dir, ['export', '--format', 'bibtex', '--cited', '*.md', '-o', 'refs.bib']);
    assert.strictEqual(written.code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'refs.bib'), 'utf8'), /^@article\{reuters-2025-06-23,/);
    const none = run(folder({ 'a.md': CLEAN }), ['export', '--format', 'bibtex', '--cited', 'a.md']);
    assert.strictEqual(none.code, 1);
    assert.match(none.stderr, /a\.md cites no source yet; nothing was exported/);
  });
});
