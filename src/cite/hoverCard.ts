// The hover card under the pointer, as Markdown and the span it covers; free of `vscode` (hover.ts shows it).
import * as l10n from '@vscode/l10n';
import { renderCard, type CardLinks } from '../core/cite/card';
import { recordingMatchedAt, type RecordingMatch } from '../core/check/checker';
import { todayIso } from '../core/document/dates';
import { dateInQuestionText } from '../core/document/dateInQuestion';
import type { FactIndex } from '../core/facts/factIndex';
import { escapeMarkdown } from '../core/document/text';
import { COMMANDS, commandLink } from '../workbench/ids';
import { modelOf } from '../workbench/documents';
import { isSupported, type SettingsSource, type Span, type TextDocumentLike } from '../workbench/textDocument';

const links: CardLinks = {
  insert: (factId) => commandLink(COMMANDS.insertCitation, { factId }),
  copy: (factId) => commandLink(COMMANDS.copyCitation, { factId }),
  openSource: (sourceId) => commandLink(COMMANDS.openSource, { sourceId }),
};

/** Quotation marks a paragraph must hold before its quotations are read for a hover. */
const QUOTE_MARK = /["\u201C\u201D\u2018\u2019'`\u00AB]|<q[\s>]|\\enquote|&[lr]dquo;/;

/** A hover card: Markdown whose pack text is escaped, with command links to the extension's card commands only. */
export interface HoverCard extends Span {
  markdown: string;
}

/** "Matches PA's recording of Zelenskyy's words": said where a quotation follows a recording other than the preferred one. */
function recordingNote(match: RecordingMatch, index: FactIndex): string {
  const entry = index.fact(match.factId);
  const speaker = entry?.fact.speaker ? index.fact(entry.fact.speaker)?.fact.label : undefined;
  const whose = match.recorders.join(' and ');
  const words = speaker
    ? l10n.t('This quotation matches {0}’s recording of {1}’s words', whose, speaker)
    : l10n.t('This quotation matches {0}’s recording', whose);
  const nonePreferred = entry?.status === 'disputed' && !(entry.fact.wordings ?? []).some((w) => w.preferred);
  const preferred = nonePreferred
    ? ` ${l10n.t('(independent recorders disagree: no wording is preferred).')}`
    : entry?.wording && !match.wordingIds.includes(entry.wording.id)
      ? ` ${l10n.t('(not the wording the fact base prefers).')}`
      : '.';
  return `ℹ️ ${escapeMarkdown(words)}${escapeMarkdown(preferred)}`;
}

/** Cards for every known name, role, date, place, term and quote at `offset`, read at the date in question there; none on plain prose. */
export function factHoverAt(document: TextDocumentLike, offset: number, index: FactIndex, settings: SettingsSource): HoverCard | undefined {
  if (!isSupported(document)) return undefined;
  const model = modelOf(document, settings);
  const text = model.text;
  const matches = index.findAt(text, offset);
  const line = document.lineAt(document.positionAt(offset).line).text;
  const recording = QUOTE_MARK.test(line) ? recordingMatchedAt(text, offset, index, model.format) : undefined;
  if (matches.length === 0 && !recording) return undefined;
  const { dateStyle } = settings.settings(document);
  const when = model.dateInQuestionAt(offset);
  const written = dateInQuestionText(when, dateStyle);
  const contextDate = written === undefined ? undefined : { iso: when.iso, written };
  const parts: string[] = [];
  if (recording) parts.push(recordingNote(recording, index));
  const longest = matches[0];
  const entries = longest?.values ?? (recording ? [index.fact(recording.factId)!].filter(Boolean) : []);
  for (const entry of entries) parts.push(renderCard(entry, index, { dateStyle, contextDate, today: todayIso(), links }));
  const [start, end] = longest ? [longest.start, longest.end] : [recording!.start, recording!.end];
  return { markdown: parts.join('\n\n---\n\n'), start, end };
}
