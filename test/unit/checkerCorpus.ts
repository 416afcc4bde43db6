// The fact-check corpus (test/fixtures/checker/*.md): paragraphs a writer
// might write, each checked as a document of its own.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckCode } from '../../src/core/check/checker';
import type { DocFormat } from '../../src/core/references/citation';
import { projectRoot } from './helpers';

export interface CorpusParagraph {
  /** One-based line of the paragraph's text in its file, for messages. */
  line: number;
  text: string;
  format: DocFormat;
  /** The document date setting for this paragraph. */
  date?: string;
  expect?: CheckCode;
  /** Text the finding's range must contain. */
  at?: string;
}

/** Today, as the corpus is written: roles are judged at this date when nothing else dates a paragraph. */
export const CORPUS_TODAY = '2026-03-02';

export function readCorpus(name: string): CorpusParagraph[] {
  const text = fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'checker', name), 'utf8');
  const out: CorpusParagraph[] = [];
  const blocks = text.split(/\n[ \t]*\n/);
  let line = 1;
  for (const block of blocks) {
    const startLine = line;
    line += block.split('\n').length + 1;
    const trimmed = block.replace(/^\n+/, '');
    if (trimmed.trim() === '' || /^<!--\s*$/m.test(trimmed.split('\n')[0])) continue;
    const lines = trimmed.split('\n');
    const marker = /^<!--(.*)-->\s*$/.exec(lines[0]);
    const attributes = new Map<string, string>();
    if (marker) {
      for (const part of marker[1].split(';')) {
        const m = /^\s*([a-z]+):\s*(.*?)\s*$/.exec(part);
        if (m) attributes.set(m[1], m[2]);
      }
      lines.shift();
    }
    out.push({
      line: startLine + (marker ? 1 : 0),
      text: `${lines.join('\n')}\n`,
      format: (attributes.get('format') as DocFormat | undefined) ?? 'markdown',
      date: attributes.get('date'),
      expect: attributes.get('expect') as CheckCode | undefined,
      at: attributes.get('at'),
    });
  }
  return out;
}
