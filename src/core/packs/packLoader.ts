import * as l10n from '@vscode/l10n';
import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  parseDocument,
  visit,
  YAMLParseError,
  type CST,
  type Node as YamlNode,
  type YAMLMap,
} from 'yaml';
import { parseIsoDate } from '../document/dates';
import { emptyLocations } from '../facts/factIndex';
import { kindLabel } from '../facts/labels';
import { LineIndex } from '../document/text';
import {
  FACT_KINDS,
  GENDERS,
  SOURCE_KINDS,
  STATUSES,
  WORDING_KINDS,
  type Fact,
  type Pack,
  type PackLocations,
  type Problem,
  type Range,
  type Severity,
} from '../types';

import { readJson } from './quickJson';
import { quickCompose } from './quickYaml';
import { readValidPack } from './validPack';
import { RecordedPaths } from './recordedPaths';
import {
  DEFAULT_MAX_PACK_BYTES,
  loadFailedProblem,
  MAX_BLANK_LINES,
  MAX_LIST_VALUES,
  MAX_NESTING,
  MAX_TEXT_CHARS,
  MAX_VALUE_CHARS,
  tooLargeProblem,
} from './packLimits';

export { DEFAULT_MAX_PACK_BYTES, formatBytes, loadFailedProblem, MAX_NESTING, tooLargeProblem } from './packLimits';

export interface LoadOptions {
  maxBytes?: number;
  /** False: every text is read by the `yaml` library, not first by the quick reader (quickYaml.ts); for the tests that compare the two. */
  quickReader?: boolean;
}

export interface LoadResult {
  /** The usable part of the pack: elements with errors are left out. Undefined when nothing usable was read. */
  pack?: Pack;
  locations: PackLocations;
  problems: Problem[];
}

export type Shape =
  | { type: 'string'; minLength?: number; pattern?: RegExp; patternHint?: () => string; maxLength?: number }
  | { type: 'date' }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'array'; items: Shape; minItems?: number; maxItems?: number }
  | { type: 'object'; fields: Record<string, Field>; name: string }
  /** A mapping whose keys are not fixed: each key must match `keys`, each value `values` (e.g. `languages:`, keyed by language tag). */
  | { type: 'record'; keys: Extract<Shape, { type: 'string' }>; values: Shape; maxEntries?: number };

export interface Field {
  shape: Shape;
  required?: boolean;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const id: Shape = {
  type: 'string',
  pattern: ID_PATTERN,
  patternHint: () => l10n.t('lowercase letters, digits, ".", "_" and "-", starting with a letter or digit'),
  maxLength: 200,
};
const text: Shape = { type: 'string', minLength: 1, maxLength: MAX_TEXT_CHARS };
const date: Shape = { type: 'date' };
const lang: Shape = { type: 'string', pattern: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, patternHint: () => l10n.t('a language tag such as "en" or "uk"') };
const url: Shape = { type: 'string', pattern: /^https?:\/\/\S+$/, patternHint: () => l10n.t('an http(s) address') };

const citation: Shape = {
  type: 'object',
  name: 'citation',
  fields: { source: { shape: id, required: true }, evidence: { shape: text }, locator: { shape: text } },
};
const citations: Shape = { type: 'array', items: citation, minItems: 1, maxItems: 100 };

const roleHeld: Shape = {
  type: 'object',
  name: 'role',
  fields: {
    role: { shape: id, required: true },
    from: { shape: date },
    to: { shape: date },
    citations: { shape: citations, required: true },
    checked: { shape: date },
    note: { shape: text },
  },
};
const variant: Shape = {
  type: 'object',
  name: 'variant',
  fields: { value: { shape: text, required: true }, citations: { shape: citations, required: true }, note: { shape: text } },
};
const wording: Shape = {
  type: 'object',
  name: 'wording',
  fields: {
    id: { shape: id, required: true },
    text: { shape: text, required: true },
    kind: { shape: { type: 'enum', values: WORDING_KINDS }, required: true },
    language: { shape: lang, required: true },
    by: { shape: text },
    citations: { shape: citations, required: true },
    preferred: { shape: { type: 'boolean' } },
    note: { shape: text },
  },
};
const alias: Shape = { type: 'string', minLength: 2, maxLength: 200 };

/** A fact's label, text and names in another language than the pack's (src/core/types.ts, FactInLanguage). */
const nameText: Shape = { type: 'string', minLength: 1, maxLength: 100 };
const personName: Shape = {
  type: 'object',
  name: 'name',
  fields: {
    given: { shape: nameText },
    patronymic: { shape: nameText },
    family: { shape: nameText, required: true },
    gender: { shape: { type: 'enum', values: GENDERS }, required: true },
  },
};
const factInLanguage: Shape = {
  type: 'object',
  name: 'language',
  fields: {
    label: { shape: { type: 'string', minLength: 1, maxLength: 300 }, required: true },
    text: { shape: text, required: true },
    aliases: { shape: { type: 'array', items: alias, maxItems: 200 } },
    name: { shape: personName },
    forms: { shape: { type: 'array', items: alias, maxItems: 500 } },
  },
};
const languageKey: Extract<Shape, { type: 'string' }> = {
  type: 'string',
  pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
  patternHint: () => l10n.t('a language tag such as "uk" or "pt-BR" (the language in lowercase first)'),
  maxLength: 35,
};
const languages: Shape = { type: 'record', keys: languageKey, values: factInLanguage, maxEntries: 50 };

const source: Shape = {
  type: 'object',
  name: 'source',
  fields: {
    id: { shape: id, required: true },
    title: { shape: text, required: true },
    publisher: { shape: text, required: true },
    author: { shape: text },
    via: { shape: text },
    date: { shape: date },
    url: { shape: url },
    alsoAt: { shape: { type: 'array', items: url } },
    kind: { shape: { type: 'enum', values: SOURCE_KINDS }, required: true },
    language: { shape: lang, required: true },
    textFile: { shape: text },
    basedOn: { shape: { type: 'array', items: id, minItems: 1, maxItems: 20 } },
    note: { shape: text },
  },
};
/** For an event: the words that describe it in prose, besides its aliases. */
const describedBy: Shape = {
  type: 'object',
  name: 'describedBy',
  fields: {
    actions: { shape: { type: 'array', items: alias, minItems: 1, maxItems: 50 }, required: true },
    words: { shape: { type: 'array', items: alias, maxItems: 50 } },
  },
};
const fact: Shape = {
  type: 'object',
  name: 'fact',
  fields: {
    id: { shape: id, required: true },
    kind: { shape: { type: 'enum', values: FACT_KINDS }, required: true },
    label: { shape: { type: 'string', minLength: 1, maxLength: 300 }, required: true },
    text: { shape: text, required: true },
    aliases: { shape: { type: 'array', items: alias, maxItems: 200 }, required: true },
    dateAliases: { shape: { type: 'boolean' } },
    citations: { shape: citations, required: true },
    status: { shape: { type: 'enum', values: STATUSES } },
    date: { shape: date },
    endDate: { shape: date },
    place: { shape: id },
    number: { shape: { type: 'number' } },
    unit: { shape: text },
    roles: { shape: { type: 'array', items: roleHeld } },
    speaker: { shape: id },
    occasion: { shape: text },
    language: { shape: lang },
    wordings: { shape: { type: 'array', items: wording, minItems: 1 } },
    variants: { shape: { type: 'array', items: variant } },
    related: { shape: { type: 'array', items: id } },
    checked: { shape: date },
    note: { shape: text },
    describedBy: { shape: describedBy },
    languages: { shape: languages },
  },
};
const meta: Shape = {
  type: 'object',
  name: 'pack',
  fields: {
    id: { shape: id, required: true },
    title: { shape: text, required: true },
    version: { shape: { type: 'string', minLength: 1, maxLength: 50 }, required: true },
    description: { shape: text },
    language: { shape: lang, required: true },
    updated: { shape: date },
    checked: { shape: date, required: true },
    license: { shape: text },
  },
};
const topLevelFields = { pack: meta, sources: source, facts: fact };

/** The shapes of a pack's parts, for the JSON Schema. */
export const PACK_SHAPES = { pack: meta, source, fact } as const;

const INVALID = Symbol('invalid');

/** Most problems listed for one file. */
export const MAX_PROBLEMS = 200;

class Reader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly textLength: number,
    readonly paths = new RecordedPaths(lines),
  ) {}

  rangeOf(node: YamlNode | null | undefined): Range {
    const r = node?.range;
    if (!r) return this.lines.rangeOf(0, 0);
    return this.lines.rangeOf(r[0], Math.min(r[1], this.textLength));
  }

  private dropped = 0;

  problem(node: YamlNode | null | undefined, code: string, message: string, severity: Severity = 'error', range?: Range): void {
    // A hostile file can hold a problem per line: past a limit, count them instead of listing them.
    if (this.problems.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    this.problems.push({ file: this.file, range: range ?? this.rangeOf(node), code, message, severity });
  }

  /** The problems, with a last one saying how many more there were. */
  finish(): Problem[] {
    if (this.dropped === 0) return this.problems;
    const start = this.problems[this.problems.length - 1]?.range.start ?? { line: 0, character: 0 };
    return [
      ...this.problems,
      {
        file: this.file,
        range: { start, end: start },
        code: 'too-many-problems',
        severity: 'error',
        message: l10n.t('…and {0} more problems; fix the ones above first.', this.dropped),
      },
    ];
  }

  /** Converts a node to plain data while checking it against a shape; returns INVALID after reporting why. */
  read(node: YamlNode | null | undefined, shape: Shape, path: string, what: string): unknown {
    const r = node?.range;
    if (r) this.paths.record(path, r[0], Math.min(r[1], this.textLength));
    else if (node) this.paths.record(path, 0, 0);
    if (node && isAlias(node)) {
      this.problem(node, 'yaml-alias', l10n.t('{0}: YAML aliases ({1}) are not allowed in fact packs; write the value out', what, `*${node.source}`));
      return INVALID;
    }
    switch (shape.type) {
      case 'object':
        return this.readObject(node, shape, path, what);
      case 'record':
        return this.readRecord(node, shape, path, what);
      case 'array': {
        if (!node || !isSeq(node)) {
          this.problem(node, 'wrong-type', l10n.t('{0} must be a list', what));
          return INVALID;
        }
        if (shape.maxItems !== undefined && node.items.length > shape.maxItems) {
          // Its items are not read: a list far over its limit (a pack's line of 300,000 values) would take a problem and a path each.
          this.problem(node, 'too-many-items', l10n.t('{0} has {1} items; at most {2} are allowed', what, node.items.length, shape.maxItems));
          return INVALID;
        }
        const out: unknown[] = [];
        node.items.forEach((item, i) => {
          const v = this.read(item as YamlNode, shape.items, `${path}/${i}`, `${what}[${i + 1}]`);
          if (v !== INVALID) out.push(v);
        });
        if (shape.minItems !== undefined && node.items.length < shape.minItems) {
          this.problem(
            node,
            'too-few-items',
            shape.minItems === 1 ? l10n.t('{0} needs at least 1 item', what) : l10n.t('{0} needs at least {1} items', what, shape.minItems),
          );
          return INVALID;
        }
        return out;
      }
      default:
        return this.readScalar(node, shape, what);
    }
  }

  private readScalar(node: YamlNode | null | undefined, shape: Shape, what: string): unknown {
    if (!node || !isScalar(node)) {
      this.problem(node, 'wrong-type', l10n.t('{0} must be {1}', what, describe(shape)));
      return INVALID;
    }
    const value = node.value;
    switch (shape.type) {
      case 'string': {
        // Numbers and dates written bare in YAML are still meant as text here ("version: 1.0" or "title: 2025").
        const s = typeof value === 'string' ? value : typeof value === 'number' && node.source !== undefined ? String(node.source) : undefined;
        if (s === undefined) {
          this.problem(node, 'wrong-type', l10n.t('{0} must be text, not {1}', what, typeName(value)));
          return INVALID;
        }
        // Written as YAML escapes ("\0", "\e"), control characters pass the check of the raw text: checked again here.
        // eslint-disable-next-line no-control-regex
        const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/.exec(s);
        if (control) {
          this.problem(
            node,
            'control-character',
            l10n.t(
              '{0} holds a control character ({1}), written as an escape: a pack is plain text. Remove it.',
              what,
              `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
            ),
          );
          return INVALID;
        }
        if (shape.minLength !== undefined && s.trim().length < shape.minLength) {
          this.problem(
            node,
            'too-short',
            shape.minLength === 1 ? l10n.t('{0} must not be empty', what) : l10n.t('{0} must be at least {1} characters', what, shape.minLength),
          );
          return INVALID;
        }
        if (shape.maxLength !== undefined && s.length > shape.maxLength) {
          this.problem(node, 'too-long', l10n.t('{0} is {1} characters; at most {2} are allowed', what, s.length, shape.maxLength));
          return INVALID;
        }
        if (shape.pattern && !shape.pattern.test(s)) {
          this.problem(node, 'bad-format', l10n.t('{0} "{1}" must be {2}', what, clip(s), shape.patternHint?.() ?? ''));
          return INVALID;
        }
        return s;
      }
      case 'date': {
        const s = typeof value === 'string' ? value : node.source;
        if (typeof s !== 'string' || !parseIsoDate(s)) {
          this.problem(
            node,
            'bad-date',
            l10n.t('{0} "{1}" is not a valid date: write YYYY-MM-DD (or YYYY-MM, YYYY where the day is not known)', what, clip(String(s ?? value))),
          );
          return INVALID;
        }
        return s;
      }
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          this.problem(
            node,
            'wrong-type',
            typeof value === 'number'
              ? l10n.t('{0} must be a finite number, not {1}', what, node.source ?? value)
              : l10n.t('{0} must be a number, not {1}', what, typeName(value)),
          );
          return INVALID;
        }
        return value;
      case 'boolean':
        if (typeof value !== 'boolean') {
          this.problem(node, 'wrong-type', l10n.t('{0} must be true or false, not {1}', what, typeName(value)));
          return INVALID;
        }
        return value;
      case 'enum':
        if (typeof value !== 'string' || !shape.values.includes(value)) {
          this.problem(node, 'bad-value', l10n.t('{0} "{1}" must be one of: {2}', what, clip(String(value)), shape.values.join(', ')));
          return INVALID;
        }
        return value;
      default:
        return INVALID;
    }
  }

  private readObject(node: YamlNode | null | undefined, shape: Extract<Shape, { type: 'object' }>, path: string, what: string): unknown {
    if (!this.isMapping(node, what)) return INVALID;
    const read = this.readPairs(
      node,
      what,
      (keyNode) => {
        const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : undefined;
        if (key === undefined) this.problem(keyNode ?? node, 'wrong-type', l10n.t('{0}: keys must be plain words', what));
        return key;
      },
      (key, keyNode, valueNode) => {
        // Own keys only: "constructor" or "__proto__" in a pack are unknown keys, not Object's.
        const field = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
        if (field) return this.read(valueNode, field.shape, `${path}/${key}`, `${what}.${key}`);
        const suggestion = closest(key, Object.keys(shape.fields));
        this.problem(
          keyNode,
          'unknown-key',
          l10n.t(
            '{0}: unknown key "{1}"{2}; allowed: {3}',
            what,
            clip(key),
            suggestion ? l10n.t(' (did you mean "{0}"?)', suggestion) : '',
            Object.keys(shape.fields).join(', '),
          ),
        );
        return INVALID;
      },
    );
    for (const [key, field] of Object.entries(shape.fields)) {
      if (field.required && !read.seen.has(key)) {
        this.problem(node, 'missing-key', l10n.t('{0} is missing "{1}"', what, key), 'error', this.headRange(node));
        read.ok = false;
      }
    }
    return read.ok ? read.out : INVALID;
  }

  private readRecord(node: YamlNode | null | undefined, shape: Extract<Shape, { type: 'record' }>, path: string, what: string): unknown {
    if (!this.isMapping(node, what)) return INVALID;
    if (shape.maxEntries !== undefined && node.items.length > shape.maxEntries) {
      this.problem(node, 'too-many-items', l10n.t('{0} has {1} entries; at most {2} are allowed', what, node.items.length, shape.maxEntries));
      return INVALID;
    }
    // Keys match shape.keys (a language tag), so none can be one of Object's own properties.
    const read = this.readPairs(
      node,
      what,
      (keyNode) => {
        const key = this.readScalar(keyNode, shape.keys, `${what}: key`);
        return typeof key === 'string' ? key : undefined;
      },
      (key, _keyNode, valueNode) => this.read(valueNode, shape.values, `${path}/${key}`, `${what}.${key}`),
    );
    return read.ok ? read.out : INVALID;
  }

  private isMapping(node: YamlNode | null | undefined, what: string): node is YAMLMap {
    if (node && isMap(node)) return true;
    this.problem(node, 'wrong-type', l10n.t('{0} must be a mapping of keys to values', what));
    return false;
  }

  /**
   * A mapping's pairs, each key read by `keyOf` (undefined: refused, its
   * problem told) and given once (a key given twice is a problem), each value
   * by `valueOf`.
   */
  private readPairs(
    node: YAMLMap,
    what: string,
    keyOf: (keyNode: YamlNode | null) => string | undefined,
    valueOf: (key: string, keyNode: YamlNode | null, valueNode: YamlNode) => unknown,
  ): { out: Record<string, unknown>; seen: Set<string>; ok: boolean } {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    let ok = true;
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = keyOf(keyNode);
      if (key === undefined) {
        ok = false;
        continue;
      }
      if (seen.has(key)) {
        this.problem(keyNode, 'duplicate-key', l10n.t('{0}: key "{1}" is given twice', what, clip(key)));
        ok = false;
        continue;
      }
      seen.add(key);
      const v = valueOf(key, keyNode, pair.value as YamlNode);
      if (v === INVALID) ok = false;
      else out[key] = v;
    }
    return { out, seen, ok };
  }

  /** The first line of a mapping: where a "missing key" belongs, rather than the whole block. */
  private headRange(node: YamlNode): Range {
    const r = this.rangeOf(node);
    if (r.end.line === r.start.line) return r;
    return { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } };
  }
}

function describe(shape: Shape): string {
  switch (shape.type) {
    case 'string':
      return l10n.t('text');
    case 'date':
      return l10n.t('a date (YYYY-MM-DD)');
    case 'number':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('true or false');
    case 'enum':
      return l10n.t('one of: {0}', shape.values.join(', '));
    case 'array':
      return l10n.t('a list');
    case 'object':
      return l10n.t('a mapping');
    case 'record':
      return l10n.t('a mapping');
  }
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return l10n.t('empty');
  if (Array.isArray(value)) return l10n.t('a list');
  if (typeof value === 'string') return l10n.t('text');
  if (typeof value === 'object') return l10n.t('a mapping');
  if (typeof value === 'number') return l10n.t('a number');
  if (typeof value === 'boolean') return l10n.t('a boolean');
  return `a ${typeof value}`;
}

function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** A known key within two edits of a misspelt one. */
function closest(key: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(key.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Parses a pack file's YAML into a pack and located problems. Never throws:
 * every failure, from a syntax error to an oversized file, is a problem.
 * Checks the shape of every value here; references between elements are
 * checked by `validatePack`, and across packs by the fact index.
 */
export function parsePackText(textIn: string, file: string, options: LoadOptions = {}): LoadResult {
  try {
    return parseUnguarded(textIn, file, options);
  } catch (e) {
    // A bug met by some input: the writer gets a problem in the file, and the other packs stay in use.
    return { locations: emptyLocations(file), problems: [loadFailedProblem(file, e)] };
  }
}

function parseUnguarded(textIn: string, file: string, options: LoadOptions): LoadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PACK_BYTES;
  const lines = new LineIndex(textIn);
  const empty = emptyLocations(file);
  const whole = lines.rangeOf(0, 0);
  const bytes = byteLength(textIn);
  if (bytes > maxBytes) return { locations: empty, problems: [tooLargeProblem(file, bytes, maxBytes)] };
  if (textIn.trim() === '') {
    return {
      locations: empty,
      problems: [
        { file, range: whole, code: 'empty-file', severity: 'error', message: l10n.t('The pack file is empty: a pack needs "pack", "sources" and "facts".') },
      ],
    };
  }
  const reader = new Reader(file, lines, textIn.length);
  // Control characters are exactly what this looks for.
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/.exec(textIn);
  if (control) {
    reader.problem(
      null,
      'control-character',
      l10n.t(
        'The pack file holds a control character ({0}): a pack is plain UTF-8 text. Remove it.',
        `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      ),
      'error',
      lines.rangeOf(control.index, control.index + 1),
    );
    return { locations: empty, problems: reader.finish() };
  }
  // A valid pack as writers write them is read straight into its values.
  const valid = options.quickReader === false ? undefined : readValidPack(textIn, lines, PACK_SHAPES);
  if (valid) {
    const validReader = new Reader(file, lines, textIn.length, valid.paths);
    const locations: PackLocations = { file, sources: valid.sourceRanges, facts: valid.factRanges, pathsById: valid.pathsById, paths: valid.paths };
    citationKeyCollisions(validReader, valid.sources, locations);
    checkNamesInLanguages(validReader, valid.facts as unknown as Fact[], locations);
    const pack = { meta: valid.meta, sources: valid.sources, facts: valid.facts } as unknown as Pack;
    return { pack, locations, problems: validReader.finish() };
  }
  // Packs with problems in that form are composed by the quick reader, and packs written as JSON by its reader of
  // JSON; anything else, and every syntax error, by the library. A line crowded with values in brackets is not the
  // library's nor the quick reader's to read: both take far longer per value than per character.
  const quick = options.quickReader !== false;
  // Read as JSON whichever reader is chosen: where a crowded line is refused, the place it stops being JSON is the one to name.
  const json = readJson(textIn);
  const root =
    (quick ? json?.root : undefined) ??
    (crowdedFlowRefused(textIn, reader, lines, json?.stop ?? -1)
      ? undefined
      : ((quick ? quickCompose(textIn) : undefined) ?? (unsafeForLibrary(textIn, reader, lines) ? undefined : composeWithLibrary(textIn, reader, lines))));
  if (root === undefined) return { locations: empty, problems: reader.finish() };
  if (!root || !isMap(root)) {
    reader.problem(root, 'wrong-type', l10n.t('A pack file must be a mapping with the keys "pack", "sources" and "facts".'));
    return { locations: empty, problems: reader.finish() };
  }
  const seenTop = new Set<string>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!Object.hasOwn(topLevelFields, key)) {
      reader.problem(pair.key as YamlNode, 'unknown-key', l10n.t('unknown top-level key "{0}"; allowed: pack, sources, facts', clip(key)));
    } else if (seenTop.has(key)) {
      reader.problem(pair.key as YamlNode, 'duplicate-key', l10n.t('"{0}" is given twice; put everything under one "{0}:"', key));
    }
    seenTop.add(key);
  }
  // Read each element alone so that one bad fact does not hide the rest.
  const metaNode = root.get('pack', true) as YamlNode | undefined;
  const metaValue = root.has('pack') ? reader.read(metaNode, meta, '/pack', 'pack') : INVALID;
  const sourceRanges = new Map<string, Range>();
  const factRanges = new Map<string, Range>();
  const pathsById = new Map<string, string>();
  const locations: PackLocations = { file, sources: sourceRanges, facts: factRanges, pathsById, paths: reader.paths };
  const sources = readList(reader, root.get('sources', true) as YamlNode | undefined, source, 'sources', 'source', sourceRanges, pathsById);
  citationKeyCollisions(reader, sources, locations);
  const facts = readList(reader, root.get('facts', true) as YamlNode | undefined, fact, 'facts', 'fact', factRanges, pathsById);
  checkNamesInLanguages(reader, facts as Fact[], locations);
  if (!root.has('pack'))
    reader.problem(root, 'missing-key', l10n.t('The pack file is missing "pack" (its id, title, version and language).'), 'error', lines.rangeOf(0, 0));
  if (!root.has('sources')) reader.problem(root, 'missing-key', l10n.t('The pack file is missing "sources".'), 'error', lines.rangeOf(0, 0));
  if (!root.has('facts')) reader.problem(root, 'missing-key', l10n.t('The pack file is missing "facts".'), 'error', lines.rangeOf(0, 0));
  if (metaValue === INVALID || metaValue === undefined) return { locations, problems: reader.finish() };
  const pack = { meta: metaValue, sources, facts } as unknown as Pack;
  return { pack, locations, problems: reader.finish() };
}

/** Tells `reader` of a problem at the character `at`, where there is one; whether there was. */
function refusedAt(reader: Reader, lines: LineIndex, at: number | undefined, code: string, message: () => string): boolean {
  if (at === undefined) return false;
  reader.problem(null, code, message(), 'error', lines.rangeOf(at, at + 1));
  return true;
}

/**
 * Whether the text is one the `yaml` library must not be given, told to
 * `reader`: nested so deeply that the parser would exhaust its stack, or a
 * line of so many quoted values that it would take minutes. The quick
 * readers need no such guard: they read a bounded depth, a value at a time.
 */
function unsafeForLibrary(textIn: string, reader: Reader, lines: LineIndex): boolean {
  return (
    refusedAt(reader, lines, tooDeep(textIn), 'nested-too-deeply', () =>
      l10n.t('The YAML is nested more than {0} levels deep here; a fact pack needs a handful.', MAX_NESTING),
    ) ||
    refusedAt(reader, lines, crowdedLine(textIn), 'yaml-syntax', () =>
      l10n.t('YAML syntax: this line starts more than {0} quoted values; is a quote mark missing its backslash (\\")?', MAX_QUOTED_PER_LINE),
    )
  );
}

/**
 * Whether a line of the text holds more values in brackets than any pack's
 * list (`crowdedFlow`), told to `reader` at the bracket: the library reads
 * them a hundred times slower than a pack, and the quick composer, reading
 * lists in a list, five times. A pack written as JSON may hold its facts on
 * one line, which only the JSON reader reads: where it stopped reading
 * (`jsonStop`, -1 for nowhere) is where the writer is sent instead.
 */
function crowdedFlowRefused(textIn: string, reader: Reader, lines: LineIndex, jsonStop: number): boolean {
  const crowded = crowdedFlow(textIn);
  if (crowded && jsonStop >= 0) {
    return refusedAt(reader, lines, jsonStop, 'yaml-syntax', () =>
      l10n.t(
        'YAML syntax: this pack, written as JSON, cannot be read from here: is a comma, a quote or a bracket missing? Its line {0} holds more than {1} values in brackets, which only a pack in JSON may.',
        lines.positionAt(crowded.line).line + 1,
        MAX_FLOW_VALUES_PER_LINE.toLocaleString('en-GB'),
      ),
    );
  }
  return refusedAt(reader, lines, crowded?.bracket, 'yaml-syntax', () =>
    l10n.t(
      'YAML syntax: the brackets this "{0}" opens hold more than {1} values on line {2}, more than any list of a pack; is a closing bracket missing?',
      textIn[crowded!.bracket],
      MAX_FLOW_VALUES_PER_LINE.toLocaleString('en-GB'),
      lines.positionAt(crowded!.line).line + 1,
    ),
  );
}

/**
 * The root node of a pack's text as the `yaml` library composes it, with
 * every syntax error, warning and alias reported to `reader`; undefined when
 * the text cannot be read as a pack at all.
 */
function composeWithLibrary(textIn: string, reader: Reader, lines: LineIndex): YamlNode | null | undefined {
  let doc;
  try {
    doc = parseYaml(textIn);
  } catch (e) {
    if (e instanceof Refused) {
      const { code, message } = refusedMessage(e, lines);
      reader.problem(null, code, message, 'error', lines.rangeOf(e.start, e.end));
    } else reader.problem(null, 'yaml-syntax', l10n.t('YAML could not be read: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  let unclosed: { at?: number } | undefined;
  for (const error of doc.errors) {
    let [start, end] = error.pos;
    if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
      // The parser notices a missing closing quote at the end of the text; the writer needs the opening one.
      unclosed ??= { at: unclosedQuoteAt(textIn) };
      const open = unclosed.at;
      if (open !== undefined) [start, end] = [open, open + 1];
    }
    reader.problem(null, 'yaml-syntax', l10n.t('YAML syntax: {0}', firstLine(error.message)), 'error', lines.rangeOf(start, Math.max(end, start)));
  }
  if (doc.errors.length > 0) {
    // A bracket left open is noticed lines later: point at the bracket too.
    const open = unclosedBracketBefore(textIn, doc.errors[0].pos[0]);
    if (open !== undefined && lines.positionAt(open).line < lines.positionAt(doc.errors[0].pos[0]).line) {
      reader.problem(null, 'yaml-syntax', l10n.t('YAML syntax: this "{0}" is never closed', textIn[open]), 'error', lines.rangeOf(open, open + 1));
    }
    // A quote left open swallows the lines after it, and the parser only stumbles later: point at the quote too.
    const quoted = multilineQuoteBefore(textIn, doc.errors[0].pos[0]);
    if (quoted) {
      reader.problem(
        null,
        'yaml-syntax',
        l10n.t('YAML syntax: this quoted text runs on to line {0}; is its closing quote missing?', lines.positionAt(quoted.end).line + 1),
        'error',
        lines.rangeOf(quoted.start, quoted.start + 1),
      );
    }
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    reader.problem(null, 'yaml-warning', l10n.t('YAML: {0}', firstLine(warning.message)), 'warning', lines.rangeOf(start, Math.max(end, start)));
  }
  if (doc.errors.length > 0) return undefined;
  let firstAlias: YamlNode | undefined;
  let aliases = 0;
  if (!doc.doc) return undefined;
  visit(doc.doc, {
    Alias(_, node) {
      // Refused wherever they stand, so that no alias bomb is ever expanded.
      firstAlias ??= node;
      aliases++;
      return visit.SKIP;
    },
  });
  if (firstAlias) {
    const more = aliases > 1 ? ` ${l10n.t('The file uses {0} aliases.', aliases)}` : '';
    reader.problem(firstAlias, 'yaml-alias', l10n.t('YAML aliases ({0}) are not allowed in fact packs; write the value out.', firstAlias.toString()) + more);
  }
  if (aliases > 0) return undefined;

  return doc.contents as YamlNode | null;
}

/** Citations and exports name a source by a key of letters, digits, "_" and "-": two ids that make the same key would be cited as one. */
function citationKeyCollisions(reader: Reader, sources: readonly unknown[], locations: PackLocations): void {
  const keys = new Map<string, string>();
  for (const s of sources as { id?: unknown }[]) {
    if (typeof s.id !== 'string') continue;
    const key = s.id.replace(/[^A-Za-z0-9_-]/g, '-');
    const other = keys.get(key);
    if (other !== undefined) {
      reader.problem(
        null,
        'citation-key-collision',
        l10n.t(
          'source "{0}": its citation key "{1}" is that of source "{2}" too, so a document citing one would read as citing the other; give one of them another id',
          clip(s.id),
          clip(key),
          clip(other),
        ),
        'error',
        locations.sources.get(s.id),
      );
    } else keys.set(key, s.id);
  }
}

/** The parts of a name (`languages.<tag>.name`) are for people: on another kind of fact nothing would read them. */
function checkNamesInLanguages(reader: Reader, facts: readonly Fact[], locations: PackLocations): void {
  for (const f of facts) {
    if (!f.languages || f.kind === 'person') continue;
    for (const [tag, inLanguage] of Object.entries(f.languages)) {
      if (!inLanguage.name) continue;
      const path = `${locations.pathsById.get(f.id) ?? ''}/languages/${tag}/name`;
      reader.problem(
        null,
        'not-a-person',
        l10n.t(
          'fact "{0}".languages.{1}.name: only a person\'s name has parts (given, family, gender); this fact is a {2}. Write its names in "aliases".',
          clip(f.id),
          tag,
          kindLabel(f.kind),
        ),
        'error',
        reader.paths.get(path),
      );
    }
  }
}

/** Thrown to stop the YAML parser once a file has given more errors than are ever listed. */
class TooManyYamlErrors extends Error {}

type YamlDocument = ReturnType<typeof parseDocument>;
type YamlError = YamlDocument['errors'][number];

/**
 * `parseDocument`, stopped once the file has given more syntax errors than a
 * writer is ever shown: text such as a long run of quote marks gives one error
 * every two characters, and the parser spends far longer building those
 * errors than reading a pack.
 */
function parseYaml(text: string): Pick<YamlDocument, 'errors' | 'warnings' | 'contents'> & { doc?: YamlDocument } {
  // A parse that stops early lists at least as many errors as the writer is shown.
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: true });
  const record = composer as unknown as { onError: (...args: unknown[]) => void };
  const original = record.onError;
  let errors = 0;
  record.onError = (...args: unknown[]): void => {
    if (args[3] !== true && ++errors > MAX_PROBLEMS) throw new TooManyYamlErrors();
    original(...args);
  };
  let doc: YamlDocument | undefined;
  try {
    for (const d of composer.compose(guardedTokens(text), true, text.length)) {
      if (!doc) doc = d as YamlDocument;
      else {
        doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; a pack is one document'));
        break;
      }
    }
  } catch (e) {
    if (!(e instanceof TooManyYamlErrors)) throw e;
    // The document being composed is not returned: its errors so far are still the composer's.
    const pending = (composer as unknown as { errors?: YamlError[] }).errors ?? [];
    return { errors: [...(doc?.errors ?? []), ...pending].slice(0, MAX_PROBLEMS), warnings: [], contents: null };
  }
  if (!doc) throw new Error('the YAML parser returned no document');
  return { errors: doc.errors, warnings: doc.warnings, contents: doc.contents, doc };
}

/** What the loader refuses to compose: a value or a run of blank lines over its limit, shown from `start` to `end`, running to `through`. */
class Refused extends Error {
  constructor(
    readonly what: 'unclosed-quote' | 'long-value' | 'blank-lines',
    readonly start: number,
    readonly end: number,
    readonly through = end,
  ) {
    super(what);
  }
}

/** The one-character markers of the YAML lexer: a document starts, a flow collection ends in error, a plain or block scalar follows. */
const DOCUMENT_MARK = '\u0002';
const FLOW_END_MARK = '\u0018';
const SCALAR_MARK = '\u001f';

/**
 * The YAML parser's tokens for `text`, exactly as `new Parser().parse(text)`
 * gives them, stopped with `Refused` at a value longer than MAX_VALUE_CHARS or
 * at more than MAX_BLANK_LINES blank lines in a row. The lexer reads a value
 * in one fast pass, but composing it costs far more per character (a 1 MB
 * quoted run took seconds), and each blank line is up to three tokens, each
 * costing the parser and the composer as much as a value does.
 */
function* guardedTokens(text: string): Generator<CST.Token> {
  const parser = new Parser();
  let offset = 0;
  let scalarNext = false;
  let lineBlank = true;
  let lineStart = 0;
  let blankLines = 0;
  let blankFrom = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === DOCUMENT_MARK || lexeme === FLOW_END_MARK || lexeme === SCALAR_MARK) {
      scalarNext = lexeme === SCALAR_MARK;
      yield* parser.next(lexeme);
      continue;
    }
    const c = lexeme[0];
    if (lexeme.length > MAX_VALUE_CHARS && (scalarNext || c === '"' || c === "'")) {
      const unclosed = !scalarNext && !closedQuote(lexeme, c);
      throw new Refused(unclosed ? 'unclosed-quote' : 'long-value', offset, unclosed ? offset + 1 : offset + lexeme.length, offset + lexeme.length);
    }
    scalarNext = false;
    if (c === '\n' || (c === '\r' && lexeme[1] === '\n')) {
      if (!lineBlank) blankLines = 0;
      else if (++blankLines === 1) blankFrom = lineStart;
      else if (blankLines > MAX_BLANK_LINES) throw new Refused('blank-lines', blankFrom, blankFrom + 1);
      lineBlank = true;
      lineStart = offset + lexeme.length;
    } else if (c !== ' ' && c !== '\t') lineBlank = false;
    offset += lexeme.length;
    yield* parser.next(lexeme);
  }
  yield* parser.end();
}

/** The located problem's code and message for what `guardedTokens` refused. */
function refusedMessage(e: Refused, lines: LineIndex): { code: string; message: string } {
  const length = e.through - e.start;
  const from = lines.positionAt(e.start).line + 1;
  const to = lines.positionAt(Math.max(e.start, e.through - 1)).line + 1;
  const span = to > from ? l10n.t(', to line {0}', to) : '';
  switch (e.what) {
    case 'unclosed-quote':
      return {
        code: 'yaml-syntax',
        message: l10n.t(
          'YAML syntax: this quote is never closed; the value it opens runs for {0} characters{1}, more than the {2} a value may have. Is its closing quote missing?',
          length,
          span,
          MAX_VALUE_CHARS,
        ),
      };
    case 'long-value':
      return {
        code: 'too-long',
        message: l10n.t(
          'This value is {0} characters long as written{1}; a value in a pack is at most {2} characters (a text at most {3}), and a longer one is not read.',
          length,
          span,
          MAX_VALUE_CHARS,
          MAX_TEXT_CHARS,
        ),
      };
    case 'blank-lines':
      return {
        code: 'too-many-blank-lines',
        message: l10n.t('More than {0} lines in a row hold nothing but white space, from this line on; remove them.', MAX_BLANK_LINES),
      };
  }
}

/**
 * Offset where YAML nesting first exceeds MAX_NESTING, counting flow brackets
 * and block indentation; undefined when the text is shallow enough to parse.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  /** The quote mark of the value being read, 0 outside one; characters are read as codes, not one-letter strings. */
  let quote = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote && text.charCodeAt(i - 1) !== BACKSLASH) quote = 0;
      continue;
    }
    if (lineStart) {
      // Block nesting: each level is at least one column of indentation or one "- " / "? ".
      if (c === SPACE || c === TAB) {
        indent++;
        continue;
      }
      if ((c === DASH || c === QUESTION) && text.charCodeAt(i + 1) === SPACE) {
        indent += 2;
        i++;
        continue;
      }
      if (indent > MAX_NESTING * 8) return i;
      lineStart = false;
    }
    if (c === NEWLINE) {
      lineStart = true;
      indent = 0;
    } else if (c === HASH && (i === 0 || /\s/.test(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? text.length : eol) - 1;
    } else if (c === DOUBLE || (c === SINGLE && (i === 0 || /[\s[{,:]/.test(text[i - 1])))) quote = c;
    else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === CLOSE_SQUARE || c === CLOSE_CURLY) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

const TAB = 9;
const NEWLINE = 10;
const SPACE = 32;
const DOUBLE = 34;
const HASH = 35;
const SINGLE = 39;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const QUESTION = 63;
const OPEN_SQUARE = 91;
const BACKSLASH = 92;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

/** Most quoted values one line may start: a pack line holds a few. */
export const MAX_QUOTED_PER_LINE = 256;

/**
 * Offset of the first line that starts more than MAX_QUOTED_PER_LINE quoted
 * values (a long run of quote marks is one value every two characters, which
 * the YAML parser reads a hundred times slower than a pack); undefined when
 * there is none. One pass, following YAML's escapes: \" in double quotes and
 * '' in single quotes.
 */
function crowdedLine(text: string): number | undefined {
  let quote = 0;
  let count = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      count = 0;
      lineStart = i + 1;
      continue;
    }
    if (quote !== 0) {
      const read = quotedCharacter(text, i, quote);
      if (read > 0) i++;
      else if (read < 0) quote = 0;
    } else if (c === DOUBLE || c === SINGLE) {
      quote = c;
      if (++count > MAX_QUOTED_PER_LINE) return lineStart;
    } else if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? text.length : eol) - 1;
    }
  }
  return undefined;
}

/**
 * The character at `i` of a value quoted with `quote`, read with YAML's
 * escapes: 1 where it takes the next character with it (\" in double
 * quotes, '' in single quotes), -1 where it closes the value, 0 otherwise.
 */
function quotedCharacter(text: string, i: number, quote: number): number {
  const c = text.charCodeAt(i);
  if (quote === DOUBLE) return c === BACKSLASH ? 1 : c === DOUBLE ? -1 : 0;
  if (c !== SINGLE) return 0;
  return text.charCodeAt(i + 1) === SINGLE ? 1 : -1;
}

/** Most values one line may hold inside a flow collection ("[...]", "{...}"): more than any list of a pack but the lists of facts and sources. */
export const MAX_FLOW_VALUES_PER_LINE = MAX_LIST_VALUES;

/** Where a line holds too many values of a flow collection: the bracket that opened it, and the line's start. */
interface CrowdedFlow {
  bracket: number;
  line: number;
}

/**
 * The first line that holds more than MAX_FLOW_VALUES_PER_LINE values of a
 * flow collection (its commas), with the bracket that opened the collection;
 * undefined when there is none. The YAML parser reads such values a hundred
 * times slower than a pack: 1 MB of "a, " after a "[" left open took it 3 s
 * in one thread, and no list of a pack holds as many. One pass, reading
 * quotes and comments as crowdedLine does; outside brackets, a bracket opens
 * a collection only where YAML lets one start (first on its line, or after
 * ":", "-" or "?"), not inside a plain value ("see [1]").
 */
function crowdedFlow(text: string): CrowdedFlow | undefined {
  let quote = 0;
  let count = 0;
  let lineStart = 0;
  /** The last character on this line outside quotes that is not a space or a tab; 0 at the line's start. */
  let last = 0;
  /** The offsets of the brackets open, innermost last (tooDeep has bounded their number). */
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      count = 0;
      lineStart = i + 1;
      last = 0;
    } else if (quote !== 0) {
      const read = quotedCharacter(text, i, quote);
      if (read > 0) i++;
      else if (read < 0) quote = 0;
    } else if (c !== SPACE && c !== TAB) {
      const previous = i === 0 ? NEWLINE : text.charCodeAt(i - 1);
      if ((c === DOUBLE || c === SINGLE) && (previous === SPACE || previous === TAB || previous === NEWLINE || STARTS_FLOW_VALUE.has(last))) quote = c;
      else if (c === HASH && (previous === SPACE || previous === TAB || previous === NEWLINE)) {
        const eol = text.indexOf('\n', i);
        i = (eol < 0 ? text.length : eol) - 1;
        continue;
      } else if ((c === OPEN_SQUARE || c === OPEN_CURLY) && (open.length > 0 || last === 0 || last === COLON || last === DASH || last === QUESTION))
        open.push(i);
      else if ((c === CLOSE_SQUARE || c === CLOSE_CURLY) && open.length > 0) open.pop();
      else if (c === COMMA && open.length > 0 && ++count > MAX_FLOW_VALUES_PER_LINE) return { bracket: open[open.length - 1], line: lineStart };
      last = c;
    }
  }
  return undefined;
}

/** The characters after which a quoted value may start on a line: a key's colon, an item's dash, and a flow collection's brackets and commas. */
const STARTS_FLOW_VALUE = new Set([COLON, DASH, QUESTION, OPEN_SQUARE, OPEN_CURLY, COMMA]);

/** The lexer's tokens that stand for source text: it also emits one-character markers that do not. */
function* sourceTokens(text: string): Generator<string> {
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && (token === '\u0002' || token === '\u0018' || token === '\u001f')) continue;
    yield token;
  }
}

/**
 * The first quoted scalar spanning several lines that starts before `before`,
 * from the YAML lexer's tokens: an unclosed quote pairs with the next quote
 * in the file, so the first such scalar is where it went wrong.
 */
function multilineQuoteBefore(text: string, before: number): { start: number; end: number } | undefined {
  let offset = 0;
  let found: { start: number; end: number } | undefined;
  for (const token of sourceTokens(text)) {
    if (offset >= before) break;
    if ((token[0] === '"' || token[0] === "'") && token.includes('\n')) {
      found = { start: offset, end: offset + token.length };
      break;
    }
    offset += token.length;
  }
  return found;
}

/** Offset of the innermost flow bracket still open at `before`, from the YAML lexer's tokens. */
function unclosedBracketBefore(text: string, before: number): number | undefined {
  const stack: number[] = [];
  let offset = 0;
  for (const token of sourceTokens(text)) {
    if (offset >= before) break;
    if (token === '[' || token === '{') stack.push(offset);
    else if (token === ']' || token === '}') stack.pop();
    offset += token.length;
  }
  return stack.pop();
}

/** Offset of a quoted scalar that never closes, from the YAML lexer's tokens. */
function unclosedQuoteAt(text: string): number | undefined {
  let offset = 0;
  for (const token of sourceTokens(text)) {
    const q = token[0];
    if ((q === '"' || q === "'") && token.length > 0 && !closedQuote(token, q)) return offset;
    offset += token.length;
  }
  return undefined;
}

/**
 * Whether a quoted-scalar token ends with its closing quote (trailing
 * white space aside), and for double quotes that quote is not escaped by an
 * odd run of backslashes. Read from the end, in steps: a regular expression
 * here took quadratic time on a long run of spaces or backslashes.
 */
function closedQuote(token: string, q: string): boolean {
  let end = token.length;
  while (end > 0 && /\s/.test(token[end - 1])) end--;
  if (end < 2 || token[end - 1] !== q) return false;
  if (q === "'") return true;
  let slashes = 0;
  for (let i = end - 2; i >= 1 && token[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

function readList(
  reader: Reader,
  node: YamlNode | undefined,
  shape: Shape,
  path: string,
  what: string,
  ranges: Map<string, Range>,
  paths: Map<string, string>,
): unknown[] {
  if (node === undefined) return [];
  if (isScalar(node) && (node.value === null || node.value === undefined)) return [];
  if (!isSeq(node)) {
    reader.problem(node, 'wrong-type', l10n.t('"{0}" must be a list', path));
    return [];
  }
  const out: unknown[] = [];
  node.items.forEach((item, i) => {
    const itemNode = item as YamlNode;
    const idNode = isMap(itemNode) ? (itemNode.get('id', true) as YamlNode | undefined) : undefined;
    const idText = idNode && isScalar(idNode) ? String(idNode.value) : undefined;
    const label =
      what === 'fact'
        ? idText
          ? l10n.t('fact "{0}"', clip(idText))
          : l10n.t('fact {0}', i + 1)
        : idText
          ? l10n.t('source "{0}"', clip(idText))
          : l10n.t('source {0}', i + 1);
    const v = reader.read(itemNode, shape, `/${path}/${i}`, label);
    if (v !== INVALID) {
      out.push(v);
      // A valid item has an id: located by it as read, not as YAML would type it ("1e3" is a number there).
      const itemId = (v as { id: string }).id;
      ranges.set(itemId, reader.rangeOf(itemNode));
      paths.set(itemId, `/${path}/${i}`);
    }
  });
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

function byteLength(text: string): number {
  return typeof Buffer !== 'undefined' ? Buffer.byteLength(text, 'utf8') : new TextEncoder().encode(text).length;
}
