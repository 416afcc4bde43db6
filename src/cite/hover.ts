import * as vscode from 'vscode';
import { renderCard, type CardLinks } from '../core/cite/card';
import { recordingMatchedAt, type RecordingMatch } from '../core/check/checker';
import { formatForLanguage } from '../core/references/citation';
import { todayIso } from '../core/document/dates';
import { dateInQuestionText } from '../core/document/dateInQuestion';
import type { FactIndex } from '../core/facts/factIndex';
import type { FactStore } from '../core/facts/factStore';
import { escapeMarkdown } from '../core/document/text';
import { CARD_COMMANDS, COMMANDS, commandLink } from '../workbench/ids';
import { readSettings, SELECTOR } from '../workbench/config';
import { dateInQuestionFor, modelOf } from '../workbench/documents';

const links: CardLinks = {
  insert: (factId) => commandLink(COMMANDS.insertCitation, { factId }),
  copy: (factId) => commandLink(COMMANDS.copyCitation, { factId }),
  openSource: (sourceId) => commandLink(COMMANDS.openSource, { sourceId }),
};

/** Quotation marks a paragraph must hold before its quotations are read for a hover. */
const QUOTE_MARK = /["\u201C\u201D\u2018\u2019'`\u00AB]|<q[\s>]|\\enquote|&[lr]dquo;/;

/** "Matches PA's recording of Zelenskyy's words": said where a quotation follows a recording other than the preferred one. */
function recordingNote(match: RecordingMatch, index: FactIndex): string {
  const entry = index.fact(match.factId);
  const speaker = entry?.fact.speaker ? index.fact(entry.fact.speaker)?.fact.label : undefined;
  const whose = match.recorders.join(' and ');
  const words = speaker ? vscode.l10n.t('This quotation matches {0}’s recording of {1}’s words', whose, speaker) : vscode.l10n.t('This quotation matches {0}’s recording', whose);
  const nonePreferred = entry?.status === 'disputed' && !(entry.fact.wordings ?? []).some((w) => w.preferred);
  const preferred = nonePreferred
    ? ` ${vscode.l10n.t('(independent recorders disagree: no wording is preferred).')}`
    : entry?.wording && !match.wordingIds.includes(entry.wording.id) ? ` ${vscode.l10n.t('(not the wording the fact base prefers).')}` : '.';
  return `ℹ️ ${escapeMarkdown(words)}${escapeMarkdown(preferred)}`;
}

/** Cards for every known name, role, date, place, term and quote under the pointer. */
export class FactHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: FactStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = modelOf(document).text;
    const offset = document.offsetAt(position);
    const index = this.store.index;
    const matches = index.findAt(text, offset);
    const line = document.lineAt(position.line).text;
    const recording = QUOTE_MARK.test(line) ? recordingMatchedAt(text, offset, index, formatForLanguage(document.languageId)) : undefined;
    if (matches.length === 0 && !recording) return undefined;
    const settings = readSettings(document);
    const when = dateInQuestionFor(document, offset);
    const written = dateInQuestionText(when, settings.dateStyle);
    const contextDate = written === undefined ? undefined : { iso: when.iso, written };
    const parts: string[] = [];
    if (recording) parts.push(recordingNote(recording, index));
    const longest = matches[0];
    const entries = longest?.values ?? (recording ? [index.fact(recording.factId)!].filter(Boolean) : []);
    for (const entry of entries) parts.push(renderCard(entry, index, { dateStyle: settings.dateStyle, contextDate, today: todayIso(), links }));
    const markdown = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    // Only the extension's own commands run from a card; text from packs is escaped when the card is built.
    markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
    markdown.supportHtml = false;
    const [start, end] = longest ? [longest.start, longest.end] : [recording!.start, recording!.end];
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(start), document.positionAt(end)));
  }
}

export function registerHover(store: FactStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, new FactHoverProvider(store));
}
