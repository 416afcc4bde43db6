// Which extension host the one bundle runs in (src/extension.host.ts), from
// the globals each provides: no VS Code API is needed to tell.

/** Node's extension host: Node's `process`, and not a web worker (which has `importScripts`). */
export function runsInNode(global: object = globalThis): boolean {
  const g = global as { importScripts?: unknown; process?: { versions?: { node?: unknown } } };
  return typeof g.importScripts !== 'function' && typeof g.process?.versions?.node === 'string';
}
