// Builds the extension: checks and compiles the bundled fact pack (data/*.yaml)
// into dist/pack.json, generates the contributed snippets from it, and bundles
// the extension into one file that both extension hosts load. A broken pack fails the build with
// file:line:col and a plain message.
//
//   node esbuild.js               development build (source maps)
//   node esbuild.js --production  minified build for packaging
//   node esbuild.js --check-only  check data/*.yaml, write nothing
'use strict';

const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const { packWorkerBuildOptions } = require('./scripts/pack-worker-build.js');

const root = __dirname;
const production = process.argv.includes('--production');
const checkOnly = process.argv.includes('--check-only');
const dataDir = process.env.AGREEMENT_CITE_DATA_DIR ?? path.join(root, 'data');
// The benchmark builds into its own folder, so that a run never swaps dist/ under a test in progress.
const outDir = process.env.AGREEMENT_CITE_OUT_DIR ? path.resolve(process.env.AGREEMENT_CITE_OUT_DIR) : path.join(root, 'dist');

/** Loads the pure core at build time: bundled in memory, so the build uses the same checks as the extension. */
async function loadBuildTools() {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src/core/packs/buildTools.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const m = new Module('agreement-cite-build-tools', module);
  m.paths = module.paths;
  m._compile(result.outputFiles[0].text, path.join(root, 'src/core/packs/buildTools.js'));
  return m.exports;
}

function location(problem) {
  const relative = path.relative(process.cwd(), problem.file);
  const file = relative && !relative.startsWith('..') ? relative : problem.file;
  return `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}`;
}

async function compileData(tools) {
  // The main pack first: the bundle carries its metadata (title, checked day).
  const files = tools
    .bundleOrder(fs.readdirSync(dataDir).filter((f) => /\.ya?ml$/.test(f)))
    .map((f) => path.join(dataDir, f))
    .map((p) => ({ path: p, text: fs.readFileSync(p, 'utf8') }));
  if (files.length === 0) throw new Error(`${dataDir}: no pack files (*.yaml) found`);
  const readSourceText = (packPath, source) => {
    const p = path.resolve(path.dirname(packPath), source.textFile);
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  };
  // Every fact of the bundled pack is written in Ukrainian too: a fact without it stops the build.
  const result = tools.compilePackFiles(files, readSourceText, { requiredLanguages: tools.BUNDLED_LANGUAGES });
  let errors = 0;
  for (const p of result.problems) {
    // Source texts are test fixtures beside the project, not part of it: a
    // build without them (a packaging machine) warns; CI and the tests require them.
    const severity = p.code === 'source-text-missing' && !process.env.CI ? 'warning' : p.severity;
    if (severity === 'error') errors++;
    console.error(`${location(p)}: ${severity}: ${p.message} [${p.code}]`);
  }
  if (errors > 0) {
    console.error(`\nThe fact pack has ${errors} error${errors === 1 ? '' : 's'}; the build stops here.`);
    process.exit(1);
  }
  const found = result.evidence.filter((e) => e.found).length;
  console.log(
    `fact pack: ${result.packs.reduce((n, p) => n + p.pack.facts.length, 0)} facts, ${result.packs.reduce((n, p) => n + p.pack.sources.length, 0)} sources; evidence checked verbatim: ${found}/${result.evidence.length}`,
  );
  return tools.mergeForBundle(result.packs);
}

/**
 * `import * as vscode from 'vscode'` makes the bundle copy the whole API object
 * into a namespace object in every module that imports it (esbuild's
 * `__toESM`), over 1 ms each at activation (with two dozen importers, most of the code load); a plain `require` shares the
 * one object. The adapters keep the usual import; only the bundle changes.
 * @type {import('esbuild').Plugin}
 */
const vscodeRequirePlugin = {
  name: 'vscode-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].+\.ts$/ }, async (args) => {
      const text = (await fs.promises.readFile(args.path, 'utf8')).replace(
        /^import \* as vscode from 'vscode';$/m,
        "const vscode: typeof import('vscode') = require('vscode');",
      );
      // Any other value import of the API would bring the copy back, unnoticed but for the activation time.
      const other = /^import (?!type )[^;]*from 'vscode';/m.exec(text);
      if (other) {
        const line = text.slice(0, other.index).split('\n').length;
        return {
          errors: [{ text: "import the API as `import * as vscode from 'vscode'` (or `import type`)", location: { file: args.path, line, column: 0 } }],
        };
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

/** The first statement evaluated: src/extension.ts measures its code load from here (see `loadMs` in its API). */
const LOAD_START_BANNER = 'var __agreementCiteLoadStart = typeof performance === "undefined" ? undefined : performance.now();';

async function main() {
  const tools = await loadBuildTools();
  const pack = await compileData(tools);
  if (checkOnly) return;
  // The JSON Schema is generated from the loader's shapes and kept in the repository for YAML tooling.
  const schemaPath = path.join(root, 'schema', 'factpack.schema.json');
  // Written without indentation: the .vsix carries it, and editors read it, not people.
  const schema = JSON.stringify(tools.packJsonSchema()) + '\n';
  if (!fs.existsSync(schemaPath) || fs.readFileSync(schemaPath, 'utf8') !== schema) {
    fs.mkdirSync(path.dirname(schemaPath), { recursive: true });
    fs.writeFileSync(schemaPath, schema);
    console.log('schema/factpack.schema.json: updated');
  }
  // docs/FACTBASE.md: the fact base as an editor reviews it, from the pack as bundled.
  // A build of other data (the benchmark's generated packs) leaves it alone.
  const factBasePath = path.join(root, 'docs', 'FACTBASE.md');
  const factBase = process.env.AGREEMENT_CITE_DATA_DIR ? undefined : tools.factBasePage(pack);
  if (factBase !== undefined && (!fs.existsSync(factBasePath) || fs.readFileSync(factBasePath, 'utf8') !== factBase)) {
    fs.writeFileSync(factBasePath, factBase);
    console.log('docs/FACTBASE.md: updated');
  }
  // Written afresh, without indentation: these files are a quarter of the .vsix, and none of an earlier layout may stay.
  fs.rmSync(path.join(outDir, 'snippets'), { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'snippets'), { recursive: true });
  for (const file of tools.snippetFiles(pack)) fs.writeFileSync(path.join(outDir, 'snippets', file.name), JSON.stringify(file.snippets));
  const packJson = JSON.stringify(pack);
  // The extension reads the compiled pack from this file after activation (src/packs/bundledPackFile.ts): one copy
  // in the .vsix for both extension hosts, and no 300 KB string for the bundle to evaluate at every start.
  fs.writeFileSync(path.join(outDir, 'pack.json'), packJson);
  /** The command line carries the pack in its one file (npm pack ships dist/cli.js alone). @type {import('esbuild').Plugin} */
  const bundledPackPlugin = {
    name: 'bundled-pack',
    setup(build) {
      build.onResolve({ filter: /^agreement-cite:bundled-pack$/ }, (args) => ({ path: args.path, namespace: 'bundled-pack' }));
      // A string for JSON.parse, not an object literal: V8 reads JSON faster than it compiles and runs a large literal.
      build.onLoad({ filter: /.*/, namespace: 'bundled-pack' }, () => ({ contents: `export default JSON.parse(${JSON.stringify(packJson)});`, loader: 'js' }));
    },
  };
  // The script that parses writers' packs (src/packs/worker/packWorker.ts), in a worker thread or a Web Worker: one
  // file for both hosts, read when the first writer's pack is parsed (src/packs/packParsing.ts).
  const packWorker = await esbuild.build(packWorkerBuildOptions());
  fs.writeFileSync(path.join(outDir, 'packWorker.js'), packWorker.outputFiles[0].text);
  // One bundle for both extension hosts (src/extension.host.ts picks the platform when activated): `main` and
  // `browser` in package.json name the same file, and the .vsix carries it once.
  const result = await esbuild.build(
    extensionBundle({
      entry: 'src/extension.host.ts',
      // Neutral, not Node: a Node built-in that is not listed here fails the build, as the web worker host has none.
      platform: 'neutral',
      mainFields: ['module', 'main'],
      outfile: path.join(outDir, 'extension.js'),
      // Asked for only in the Node host: worker_threads and os when the first writer's pack is parsed, fs when the bundled pack is read,
      // crypto when a pack file is hashed for the cache of parsed packs, buffer when a parsed pack is read back (src/platform/node.ts).
      external: ['vscode', 'worker_threads', 'fs', 'os', 'crypto', 'buffer'],
      // @vscode/l10n's Node build reads files with fs when loaded; its browser build takes the bundle's contents, as here in both hosts.
      alias: { '@vscode/l10n': require.resolve('@vscode/l10n/dist/browser.js') },
      plugins: [vscodeRequirePlugin],
    }),
  );
  // A Node built-in not listed above is found in node_modules where a package has its name (`buffer`): its stand-in would
  // be bundled for both hosts, unseen. The build stops instead.
  const standIns = Object.keys(result.metafile.inputs).filter((input) => Module.builtinModules.includes(/node_modules\/([^/@][^/]*)\//.exec(input)?.[1] ?? ''));
  if (standIns.length > 0)
    throw new Error(`dist/extension.js would carry npm packages named as Node's own modules (list them in external): ${standIns.join(', ')}`);
  const bytes = fs.statSync(path.join(outDir, 'extension.js')).size;
  console.log(`dist/extension.js: ${(bytes / 1024).toFixed(1)} KiB${production ? ' (minified)' : ''}, for both extension hosts`);
  await buildCli(bundledPackPlugin);
  if (process.env.AGREEMENT_CITE_METAFILE) fs.writeFileSync(process.env.AGREEMENT_CITE_METAFILE, JSON.stringify(result.metafile));
  // A bundle of an earlier build for the web worker host alone is not left to be packaged.
  fs.rmSync(path.join(outDir, 'web'), { recursive: true, force: true });
}

// ------------------------------------------------------------------ VS Code for the Web

/**
 * The options of the extension's bundle; the entry point and what differs by
 * platform are given.
 * @param {{ entry: string, platform: import('esbuild').Platform, mainFields: string[], outfile: string, external: string[], plugins: import('esbuild').Plugin[] }} host
 * @returns {import('esbuild').BuildOptions}
 */
function extensionBundle({ entry, ...host }) {
  return {
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'cjs',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile: true,
    legalComments: production ? 'none' : 'inline',
    // Ukrainian text as UTF-8, not \u escapes three times its size: VS Code reads extension code as UTF-8.
    charset: 'utf8',
    banner: { js: LOAD_START_BANNER },
    logLevel: 'warning',
    ...host,
  };
}

/**
 * The command line (src/cli/main.ts, `bin` in package.json): the same core
 * and bundled pack for Node 20, its libraries bundled, in one file that the
 * npm package carries. The .vsix leaves it out (.vscodeignore).
 * @param {import('esbuild').Plugin} bundledPackPlugin
 */
async function buildCli(bundledPackPlugin) {
  const outfile = path.join(outDir, 'cli.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    // jsonc-parser's "main" is a UMD build that esbuild cannot follow: its ES module build instead.
    mainFields: ['module', 'main'],
    target: 'node20',
    outfile,
    // Libraries published as ES modules ask import.meta.url (for createRequire): the bundle's own file.
    define: { __AGREEMENT_CITE_VERSION__: JSON.stringify(require('./package.json').version), 'import.meta.url': '__agreementCiteUrl' },
    banner: { js: '#!/usr/bin/env node\nvar __agreementCiteUrl = require("node:url").pathToFileURL(__filename).href;' },
    minify: production,
    sourcemap: false,
    legalComments: 'eof',
    logLevel: 'warning',
    plugins: [bundledPackPlugin],
  });
  fs.chmodSync(outfile, 0o755);
  console.log(`dist/cli.js: ${(fs.statSync(outfile).size / 1024).toFixed(1)} KiB${production ? ' (minified)' : ''}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
