// Hostile text cannot hold the extension up: 1 MB runs of spaces, quotes,
// backslashes and brackets, in a pack and in a draft, are read in well under
// a second by the loader and by every reader of document text.

import assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/checker';
import type { DocFormat } from '../../src/core/citation';
import { findDates } from '../../src/core/dates';
import { parsePackText } from '../../src/core/packLoader';
import { documentDate, proseText } from '../../src/core/prose';
import { findQuotations } from '../../src/core/quotations';
import { findCitations, updateSourcesSection } from '../../src/core/references';
import { AliasPrefixIndex, rankFacts } from '../../src/core/search';
import { paragraphAt } from '../../src/core/text';
import { bundled, PACK_HEAD } from './helpers';

const MB = 1024 * 1024;
/** Well under a second even on a busy machine; the quadratic paths took many seconds at these sizes. */
const LIMIT_MS = 800;
const FORMATS: DocFormat[] = ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'];

const RUNS: Record<string, string> = {
  spaces: ' '.repeat(MB),
  'double quotes': '"'.repeat(MB),
  'single quotes': "'".repeat(MB),
  'curly quotes': '\u201c'.repeat(MB / 2) + '\u2018'.repeat(MB / 2),
  backslashes: '\\'.repeat(MB),
  brackets: '['.repeat(MB / 4) + '{'.repeat(MB / 4) + '('.repeat(MB / 4) + '<'.repeat(MB / 4),
  'closing brackets': ']'.repeat(MB / 4) + '}'.repeat(MB / 4) + ')'.repeat(MB / 4) + '>'.repeat(MB / 4),
  'spaces then a letter': ' '.repeat(MB) + 'x',
  'tabs and line breaks': ' \t\n'.repeat(MB / 3),
  'backslash quote': '\\"'.repeat(MB / 2),
};

function timed(what: string, run: () => unknown): void {
  const t0 = performance.now();
  run();
  const ms = performance.now() - t0;
  assert.ok(ms < LIMIT_MS, `${what} took ${ms.toFixed(0)} ms`);
}

suite('linear time on hostile text', function () {
  this.timeout(120_000);

  suite('the pack loader', () => {
    for (const [name, run] of Object.entries(RUNS)) {
      test(`a quoted value with an unclosed quote and 1 MB of ${name}`, () => {
        for (const q of ['"', "'"]) {
          timed(`double-quoted ${name}`, () => parsePackText(`${PACK_HEAD}  - id: x\n    label: ${q}${run}\n`, 'hostile.yaml', { maxBytes: 8 * MB }));
        }
      });
      test(`a plain value of 1 MB of ${name}`, () => {
        timed(name, () => parsePackText(`${PACK_HEAD}  - id: x\n    label: a${run}\n`, 'hostile.yaml', { maxBytes: 8 * MB }));
      });
    }
  });

  suite('document readers', () => {
    const { index } = bundled();
    const prefixes = new AliasPrefixIndex(index);
    for (const [name, run] of Object.entries(RUNS)) {
      const draft = `Zelenskyy said in London on 23 June 2025 ${run} "massive step forward ${run}`;
      test(`1 MB of ${name} in a draft`, () => {
        for (const format of FORMATS) {
          timed(`proseText ${format}`, () => proseText(draft, format));
          timed(`documentDate ${format}`, () => documentDate(draft, format));
          timed(`findQuotations ${format}`, () => findQuotations(draft, format));
          timed(`findCitations ${format}`, () => findCitations(draft, format, index));
          timed(`updateSourcesSection ${format}`, () => updateSourcesSection(draft, { format, style: 'auto', dateStyle: 'en-GB' }, index));
        }
        timed('paragraphAt', () => paragraphAt(draft, draft.length >> 1));
        timed('findDates', () => findDates(draft));
        timed('checkDocument', () => checkDocument(draft, index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-01-01' }));
        timed('rankFacts', () => rankFacts(index, run.slice(0, 10_000)));
        timed('completion', () => prefixes.search(run.slice(0, 10_000)));
      });
    }
  });
});
