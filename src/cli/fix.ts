import { createTwoFilesPatch } from 'diff';
import { checkDocument, type CheckOptions, type Finding } from '../core/check/checker';
import type { TextEdit } from '../core/references/citation';
import type { FactIndex } from '../core/facts/factIndex';

/** A fix made: what the finding was, where (offset in the text it was found in), and the fix's title. */
export interface AppliedFix {
  code: string;
  offset: number;
  /** The text the offset is in: the fixes of a later round are found in the text the earlier ones made. */
  text: string;
  title: string;
}

export interface FixResult {
  text: string;
  applied: AppliedFix[];
  /** Findings of the fixed text: those without exactly one fix, and any the fixes could not clear. */
  remaining: Finding[];
}

/** Rounds of fixing at most: each round checks again the text the last one wrote. */
const MAX_ROUNDS = 25;

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one place, or an insertion at the edge of a replacement, have no order that is sure: one of them waits for the next round.
  return (
    (a.offset < b.offset + b.length && b.offset < a.offset + a.length) ||
    a.offset === b.offset ||
    (a.length === 0 && a.offset === b.offset + b.length) ||
    (b.length === 0 && b.offset === a.offset + a.length)
  );
}

/**
 * Makes the fixes that have exactly one choice (a misquote's recorded words,
 * a wrong date's right one), as the editor's quick fix would, and checks the
 * text again after each round: a finding with several fixes (which spelling,
 * which role) is the writer's choice and stays. Fixes whose edits touch are
 * made in separate rounds.
 */
export function applySafeFixes(original: string, index: FactIndex, options: CheckOptions): FixResult {
  let text = original;
  const applied: AppliedFix[] = [];
  for (let round = 0; ; round++) {
    const findings = checkDocument(text, index, options);
    const taken: TextEdit[] = [];
    const made: AppliedFix[] = [];
    if (round < MAX_ROUNDS) {
      for (const f of findings) {
        if (f.fixes.length !== 1) continue;
        const fix = f.fixes[0];
        if (fix.edits.length === 0 || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
        taken.push(...fix.edits);
        made.push({ code: f.code, offset: f.start, text, title: fix.title });
      }
    }
    if (taken.length === 0) return { text, applied, remaining: findings };
    for (const e of [...taken].sort((a, b) => b.offset - a.offset)) text = text.slice(0, e.offset) + e.text + text.slice(e.offset + e.length);
    applied.push(...made);
  }
}

/** A unified diff of a file's fixes, as `git diff` prints it. */
export function unifiedDiff(display: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${display}`, `b/${display}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '');
}
