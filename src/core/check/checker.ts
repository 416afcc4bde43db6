// The fact check: runs each rule (rules/) over the scanned document (scannedDocument.ts), in steps.
import { DocumentModel } from '../document/model';
import { type FactIndex } from '../facts/factIndex';
import { CheckCache } from './checkCache';
import { CHECK_CODES, type CheckCode, type CheckOptions, type Finding } from './findings';
import { Pace } from './pace';
import { checkEventDates } from './rules/eventDate';
import { checkRelativeEventDates } from './rules/relativeEventDate';
import { checkQuotations } from './rules/misquote';
import { checkRoles } from './rules/role';
import { checkSpellings } from './rules/spelling';
import { readDocument } from './scannedDocument';
import { toEnd } from '../steps';

/**
 * Fact-checks a draft against the fact base: misquotes, an outlet's
 * rendering presented as the speaker's words, wrong dates of known events,
 * roles that did not hold at the date in question, and one person spelled
 * several ways. Pure and linear in the text: one alias scan, one date scan,
 * one pass for quotation marks.
 */
export function checkDocument(text: string | DocumentModel, index: FactIndex, options: CheckOptions): Finding[] {
  return toEnd(checkSteps(text, index, options, Infinity));
}

/**
 * `checkDocument` in small steps: it yields after reading about `stepChars`
 * characters of paragraphs it has not read before, and after every few
 * paragraphs or quotations each rule judges, and returns the findings. The
 * extension runs a long draft's check a slice of steps per turn of the event
 * loop, so that a first check (a draft opened, a fact base replaced) never
 * holds up typing for long. The text is read once, at the start: a caller
 * whose document changes meanwhile starts again. Given the document's model
 * (the one its other features read), the check shares what it finds there.
 */
export function* checkSteps(text: string | DocumentModel, index: FactIndex, options: CheckOptions, stepChars = 16_384): Generator<void, Finding[], void> {
  const on = (code: CheckCode): boolean => options.rules?.[code] !== false;
  if (!CHECK_CODES.some(on)) return [];
  const cache = CheckCache.of(index);
  const doc = yield* readDocument(modelFor(text, options), index, options, cache, stepChars, new Pace(UNITS_PER_STEP, STEP_MS));
  const findings: Finding[] = [];
  if (on('misquote') || on('rendering-as-words') || on('unrecorded-quote')) findings.push(...(yield* checkQuotations(doc, on)));
  if (on('wrong-event-date')) findings.push(...(yield* checkEventDates(doc)), ...(yield* checkRelativeEventDates(doc)));
  if (on('role-not-held') || on('role-unconfirmed')) findings.push(...(yield* checkRoles(doc, on)));
  if (on('inconsistent-spelling')) findings.push(...(yield* checkSpellings(doc)));
  yield;
  cache.sweep();
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The document's model, made for the check's dates and format unless the one given was. */
function modelFor(text: string | DocumentModel, options: CheckOptions): DocumentModel {
  const { documentDate, today } = options;
  if (typeof text !== 'string' && text.format === options.format && text.settings.documentDate === documentDate && text.settings.today === today) return text;
  return new DocumentModel(typeof text === 'string' ? text : text.text, options.format, { documentDate, today });
}

/** Rules yield after judging this many paragraphs or quotations, */
export const UNITS_PER_STEP = 32;

/** or sooner, once a step has taken this many milliseconds. */
export const STEP_MS = 2;

export { CHECK_CODES, type CheckCode, type CheckOptions, type Finding, type FindingData, type Fix } from './findings';
export { recordingMatchedAt, type RecordingMatch } from './recordingMatch';
