// Edits of pack files for the tests that compare the loader's quick readers
// (src/core/packs/quickYaml.ts, validPack.ts) with the `yaml` library: random
// edits that may break a pack, edits that rewrite a value in another form of
// the same meaning, and the comparison of two loads of one text.

import assert from 'node:assert/strict';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { parsePackText, type LoadResult } from '../../src/core/packs/packLoader';
import { PATH_NUMBERS, wholePaths, type RecordedPaths } from '../../src/core/packs/recordedPaths';
import { prng } from './helpers';

/** Asserts that the loader gives the same facts, problems and ranges for `text` with its quick readers and with the library alone. */
export function assertSameLoad(text: string, file: string): void {
  const quick = parsePackText(text, file);
  const slow = parsePackText(text, file, { quickReader: false });
  assert.deepEqual(quick.pack, slow.pack);
  assert.deepEqual(quick.problems, slow.problems);
  assert.deepEqual(quick.locations.facts, slow.locations.facts);
  assert.deepEqual(quick.locations.sources, slow.locations.sources);
  assert.deepEqual(quick.locations.pathsById, slow.locations.pathsById);
  assert.deepEqual([...paths(quick)], [...paths(slow)]);
  // Every path in the order recorded, a path recorded twice with each of its ranges.
  if (quick.pack || slow.pack) assert.deepEqual(expanded(paths(quick)), expanded(paths(slow)));
}

function paths(r: LoadResult): RecordedPaths {
  return r.locations.paths as unknown as RecordedPaths;
}

/** Every recorded path whole, in order, with its range's numbers (repeats included): a path recorded by its part or whole is the same path. */
function expanded(recorded: RecordedPaths): [string, number[]][] {
  const { keys, ranges } = recorded.packed();
  const whole = wholePaths(keys === '' ? [] : keys.split('\n'), ranges);
  assert.ok(whole, 'the parts and numbers match');
  return whole.map((path, slot) => [path, [...ranges.subarray(slot * PATH_NUMBERS + 1, (slot + 1) * PATH_NUMBERS)]]);
}

/** The `yaml` library's composition of a text, with the loader's options. */
export function libraryCompose(text: string): ReturnType<typeof parseDocument> {
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true });
}

/** Where two composed trees first differ, or undefined. `range[2]` of the root is not compared: nothing reads it. */
export function composedDifference(a: unknown, b: unknown, path = '', root = true): string | undefined {
  const kind = (n: unknown): string => (n === null || n === undefined ? 'none' : isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : 'other');
  if (kind(a) !== kind(b)) return `${path}: a ${kind(a)}, the library's a ${kind(b)}`;
  if (a === null || a === undefined) return undefined;
  const x = a as YamlNode;
  const y = b as YamlNode;
  const [r, s] = [x.range!, y.range!];
  if (r[0] !== s[0] || r[1] !== s[1] || (!root && r[2] !== s[2])) return `${path}: range ${JSON.stringify(r)}, the library's ${JSON.stringify(s)}`;
  if (isScalar(x) && isScalar(y)) {
    if (!Object.is(x.value, y.value) || x.type !== y.type || x.source !== y.source)
      return `${path}: ${JSON.stringify([x.value, x.type])}, the library's ${JSON.stringify([y.value, y.type])}`;
    return undefined;
  }
  const [p, q] = [(x as unknown as { items: unknown[] }).items, (y as unknown as { items: unknown[] }).items];
  if (p.length !== q.length) return `${path}: ${p.length} items, the library's ${q.length}`;
  for (let i = 0; i < p.length; i++) {
    const [m, n] = [p[i], q[i]];
    const d =
      isPair(m) && isPair(n)
        ? (composedDifference(m.key, n.key, `${path}/${i}:key`, false) ?? composedDifference(m.value, n.value, `${path}/${i}`, false))
        : composedDifference(m, n, `${path}/${i}`, false);
    if (d) return d;
  }
  return undefined;
}

/** Values a writer might put after a key, well or badly formed. */
export const VALUES = [
  '~',
  'null',
  'True',
  'FALSE',
  '1.0',
  '-0',
  '007',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.NaN',
  '1e3',
  '+1',
  '.5',
  '2025-06-23',
  '"2025-06-23"',
  "'a''b'",
  '"a\\tb"',
  '"\\u00e9\\x41\\U0001F600"',
  '"bad \\q"',
  '"\\""',
  "''",
  '""',
  '[a, b]',
  '[a,b]',
  '[ a , "b" ]',
  '[]',
  '{}',
  '{ source: s1 }',
  '{source: s1, locator: [p, 2]}',
  '[a, ]',
  '[{ source: x }, { source: y }]',
  '>-\n  one\n  two\n\n  three',
  '|\n  one\n   two',
  '>\n  a\n\n\n  b',
  '|+\n  x',
  '>2\n   x',
  '|-\n\n  x',
  '>-\n  # kept\n  y',
  '>-\n  a\n    b',
  'a: b',
  'a:b',
  'x #y',
  'x#y',
  '@x',
  '`x',
  '',
  '"unclosed',
  "'unclosed",
  '[unclosed',
  '{a: 1',
  '- x',
  '-',
  '&a x',
  '*a',
  '!!str 1',
  '? x',
  'a, b',
  'x:',
  '"a" b',
  '"a"#c',
  '[a]b',
  'é ü — “q”',
  "x'y",
  'a  b',
  '-1',
  '---',
  '...',
  'Київ: столиця',
  'http://x.org/a?b=c#d',
];

/** One to three random edits of the lines of `text`: comments, blank lines, lines removed or repeated, indents moved, values replaced by others well or badly formed. */
export function mutate(text: string, seed: number): string {
  const r = prng(seed);
  const lines = text.split('\n');
  for (let m = 1 + r.int(3); m > 0; m--) {
    const i = r.int(lines.length);
    const line = lines[i] ?? '';
    const indent = ' '.repeat(r.int(10));
    switch (r.int(9)) {
      case 0:
        lines.splice(i, 0, `${indent}# a comment`);
        break;
      case 1:
        lines.splice(i, 0, r.int(2) ? '' : indent);
        break;
      case 2:
        lines.splice(i, 1);
        break;
      case 3:
        lines.splice(i, 0, line);
        break;
      case 4:
        lines[i] = line.replace(/^ {1,2}/, r.int(2) ? '' : '   ');
        break;
      case 5:
        lines[i] = line + r.pick([' # note', '#x', ' ', '\t', '\r']);
        break;
      default: {
        const v = r.pick(VALUES).replace(/\n/g, `\n${/^ */.exec(line)![0]}  `);
        lines[i] = line.replace(/(?:: |- ).*$/, (head) => head.slice(0, 2) + v);
      }
    }
  }
  return lines.join('\n');
}

/** A plain value a rewrite may quote or unquote: no indicator first, no comment, nothing YAML would type. */
function plainSafe(v: string): boolean {
  return /^[A-Za-z\u00C0-\u04FF(][^#"'\\]*$/.test(v) && !/: |:$|\s$/.test(v) && !/^(?:true|false|null|True|False|Null|TRUE|FALSE|NULL)$/.test(v);
}

/** Keys whose values YAML types: quoting them changes what they are. */
const TYPED_KEYS = new Set(['number', 'preferred', 'dateAliases']);

/**
 * One to three rewrites of `text` that keep its meaning: a value quoted,
 * single-quoted, unquoted or written as a `>-` block; a list written in
 * brackets written as lines, or the other way; a comment after a value; a
 * blank or comment line between items. The loader must read each as it reads
 * the library's reading of it.
 */
export function reform(text: string, seed: number): string {
  const r = prng(seed);
  const lines = text.split('\n');
  for (let m = 1 + r.int(3); m > 0; m--) {
    const i = r.int(lines.length);
    const line = lines[i];
    const pair = /^( *)((?:- )?)([A-Za-z][\w-]*): (.+)$/.exec(line);
    const item = /^( *)- ([^\s[{"'#].*)$/.exec(line);
    const choice = r.int(6);
    if (choice === 0) {
      // A blank line, or a comment at the next line's indent.
      const next = /^ */.exec(lines[i] ?? '')![0];
      lines.splice(i, 0, r.int(2) ? '' : `${next}# a note`);
    } else if (pair && !TYPED_KEYS.has(pair[3])) {
      const [, indent, dash, key, value] = pair;
      const head = `${indent}${dash}${key}: `;
      const inner = ' '.repeat(indent.length + dash.length + 2);
      const quoted = /^"([^"\\]*)"$/.exec(value)?.[1];
      const plain = plainSafe(value) ? value : quoted !== undefined && plainSafe(quoted) ? quoted : undefined;
      const bare = plain ?? quoted;
      const list = /^\[([^\]"'{}[]*)\]$/.exec(value)?.[1];
      if (choice === 1 && bare !== undefined) lines[i] = `${head}"${bare}"`;
      else if (choice === 2 && bare !== undefined) lines[i] = `${head}'${bare.replace(/'/g, "''")}'`;
      else if (choice === 3 && plain !== undefined) lines[i] = `${head}${plain}${r.int(2) ? ' # checked' : ''}`;
      else if (choice === 4 && bare !== undefined && bare.trim() === bare && bare !== '') lines[i] = `${head}>-\n${inner}${bare}`;
      else if (choice === 5 && list !== undefined && list.trim() !== '' && !dash)
        lines[i] = `${indent}${key}:\n${list
          .split(',')
          .map((x) => `${indent}  - ${x.trim()}`)
          .join('\n')}`;
    } else if (item && choice === 5) {
      // A run of plain items after a key, written in brackets.
      const [, indent] = item;
      let start = i;
      while (start > 0 && lines[start - 1].startsWith(`${indent}- `) && !/[:#[{"']/.test(lines[start - 1].slice(indent.length + 2))) start--;
      const keyLine = /^( *)([A-Za-z][\w-]*):$/.exec(lines[start - 1] ?? '');
      if (!keyLine || keyLine[1].length > indent.length) continue;
      let end = start;
      const items: string[] = [];
      while (end < lines.length && lines[end].startsWith(`${indent}- `) && !/[:#[{"',]/.test(lines[end].slice(indent.length + 2))) {
        items.push(lines[end].slice(indent.length + 2));
        end++;
      }
      if (items.length === 0 || lines[end]?.startsWith(`${indent}- `)) continue;
      lines.splice(start - 1, end - start + 1, `${lines[start - 1]} [${items.join(', ')}]`);
    }
  }
  return lines.join('\n');
}
