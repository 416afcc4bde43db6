import type * as vscode from 'vscode';
import type { FactIndex } from '../core/facts/factIndex';
import { prefixIndexFor } from '../core/cite/search';
import { now } from '../core/check/pace';
import { SLICE_MS, stepUntil } from '../core/steps';
import { nextTurn } from '../platform/nextTurn';
import { TRIGGER } from './completionItems';

/**
 * Every phrase a completion or inline completion at the end of `before` (the
 * line up to the cursor) may look up in the prefix index: what follows `;;`,
 * and the text from each of the last three words.
 */
export function searchedPrefixes(before: string): string[] {
  const out: string[] = [];
  const trigger = before.lastIndexOf(TRIGGER);
  if (trigger >= 0) out.push(before.slice(trigger + TRIGGER.length).trim());
  const from = Math.max(0, before.length - 80);
  const words = [...before.slice(from).matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].slice(-3);
  for (const w of words) out.push(before.slice(from + w.index));
  return out.filter((p) => p.length > 0);
}

/**
 * Makes the completion buckets that a request at `position` reads (the
 * `searchedPrefixes` of its line up to there), a slice a turn: an index is
 * put in use before it is readied (FactStore), and a request that comes
 * first then waits for what it needs without holding the extension host. At
 * once where they are made. False when the request is cancelled first.
 */
export async function readyToSearch(
  index: FactIndex,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<boolean> {
  const prefixes = searchedPrefixes(document.lineAt(position.line).text.slice(0, position.character));
  const prefixIndex = prefixIndexFor(index);
  if (prefixIndex.isReadyFor(prefixes)) return true;
  const steps = prefixIndex.readying(prefixes);
  while (!stepUntil(steps, now() + SLICE_MS, now).done) {
    await nextTurn();
    if (token.isCancellationRequested) return false;
  }
  return true;
}
