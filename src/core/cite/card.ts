import * as l10n from '@vscode/l10n';
import { describeSource, factText, strongestFirst } from '../references/citation';
import { formatDate, type DateStyle } from '../document/dates';
import type { FactIndex, IndexedFact } from '../facts/factIndex';
import { recorderOf } from '../facts/status';
import { escapeMarkdown } from '../document/text';
import { kindLabel, statusLabel } from '../facts/labels';
import type { Citation, IsoDate, Source, Status, WordingKind } from '../types';

/** Command links a card may carry; the adapter decides their targets and trusts only these. */
export interface CardLinks {
  insert(factId: string): string;
  copy(factId: string): string;
  openSource(sourceId: string): string;
}

export interface CardOptions {
  dateStyle: DateStyle;
  /** The date the surrounding text speaks of, if one is near; roles are judged at it. */
  contextDate?: { iso: IsoDate; written: string };
  /** Today, for roles when no date is near. */
  today: IsoDate;
  links?: CardLinks;
}

function statusText(status: Status): string {
  switch (status) {
    case 'confirmed':
      return `✅ ${statusLabel(status)}`;
    case 'reported':
      return `🟡 ${l10n.t('reported (single source)')}`;
    case 'disputed':
      return `⚠️ ${statusLabel(status)}`;
  }
}

function wordingText(kind: WordingKind): string {
  switch (kind) {
    case 'verbatim':
      return l10n.t('verbatim');
    case 'translation':
      return l10n.t('translation');
    case 'rendering':
      return l10n.t('rendering');
  }
}

const md = escapeMarkdown;

/** A card's field name, in bold. */
function field(name: string): string {
  return `**${md(name)}**`;
}

/**
 * A source's address as plain text that no Markdown renderer turns into a
 * link: GitHub-style autolinks start at a literal `https://`, `www.` or `@`
 * and would take the escaping backslashes into the link (`www%5C.gov%5C.uk`).
 * With `:` and `@` escaped too, no autolink starts; "Open source" opens it.
 */
export function cardAddress(url: string): string {
  return md(url).replace(/[:@]/g, (c) => `\\${c}`);
}

function quoteBlock(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `> ${md(l)}`)
    .join('\n');
}

function period(from: IsoDate | undefined, to: IsoDate | undefined, style: DateStyle): string {
  if (from && to) return `${formatDate(from, style)} – ${formatDate(to, style)}`;
  if (from) return l10n.t('since {0}', formatDate(from, style));
  if (to) return l10n.t('until {0}', formatDate(to, style));
  return l10n.t('dates not recorded');
}

/**
 * The hover card of a fact, as Markdown. Every piece of text from a pack is
 * escaped, so a pack can never add links, HTML or commands to a card; the
 * only links are those `links` builds.
 */
export function renderCard(entry: IndexedFact, index: FactIndex, options: CardOptions): string {
  const { fact } = entry;
  const style = options.dateStyle;
  const out: string[] = [];
  out.push(`**${md(fact.label)}** · ${kindLabel(fact.kind)} · ${statusText(entry.status)}`);
  // The actions first: a long card scrolls, and the writer came to cite.
  if (options.links)
    out.push('', `[${md(l10n.t('Insert citation'))}](${options.links.insert(fact.id)}) · [${md(l10n.t('Copy citation'))}](${options.links.copy(fact.id)})`);
  out.push('');
  const text = factText(entry, style);
  if (fact.kind !== 'quote' && text !== fact.label) out.push(md(text));

  if (fact.date) {
    const when = fact.endDate ? `${formatDate(fact.date, style)} – ${formatDate(fact.endDate, style)}` : formatDate(fact.date, style);
    const place = fact.place ? index.fact(fact.place)?.fact.label : undefined;
    out.push('', `${field(l10n.t('Date:'))} ${md(when)}${place ? ` · ${field(l10n.t('Place:'))} ${md(place)}` : ''}`);
  }
  if (fact.number !== undefined) out.push('', `${field(l10n.t('Figure:'))} ${fact.number.toLocaleString('en-GB')}${fact.unit ? ` ${md(fact.unit)}` : ''}`);

  if (fact.roles && fact.roles.length > 0) {
    const at = options.contextDate?.iso ?? options.today;
    const roleAt = options.contextDate ? l10n.t('Role on {0}:', options.contextDate.written) : l10n.t('Role today:');
    const states = index.roleStatesAt(fact.id, at);
    const label = (r: { held: { role: string }; role?: IndexedFact }): string => md(r.role?.fact.label ?? r.held.role);
    const held = states.filter((r) => r.state === 'held');
    // An open-ended role is known up to the day it was last checked; past it the card does not say it holds.
    const unknown = states.filter((r) => r.state === 'unconfirmed');
    const now = [
      ...held.map(label),
      ...unknown.map((r) => `${label(r)}? *${md(l10n.t('not known past {0}, when it was last checked', formatDate(r.checked!, style)))}*`),
    ];
    out.push('', `${field(roleAt)} ${now.length > 0 ? now.join('; ') : `*${md(l10n.t('none recorded'))}*`}`);
    out.push('', field(l10n.t('Roles:')));
    for (const r of index.roleHistory(fact.id)) {
      const state = states.find((x) => x.held === r.held)?.state;
      const mark = state === 'held' ? ' ◀' : '';
      const checked = !r.held.to && r.checked ? ` · ${l10n.t('last checked {0}', formatDate(r.checked, style))}` : '';
      out.push(`- ${label(r)}: ${md(period(r.held.from, r.held.to, style) + checked)}${sourceNote(r.held.citations, index)}${mark}`);
    }
  }

  if (fact.kind === 'quote') {
    const speaker = fact.speaker ? index.fact(fact.speaker)?.fact.label : undefined;
    const heading = [speaker, fact.date ? formatDate(fact.date, style) : undefined, fact.occasion]
      .filter(Boolean)
      .map((s) => md(s!))
      .join(', ');
    if (heading) out.push('', heading);
    const sourceOf = (id: string): Source | undefined => index.source(id)?.source;
    for (const w of fact.wordings ?? []) {
      // A disputed quote with no wording marked preferred has none: each is its recorder's.
      const preferred = w === entry.wording && (w.preferred === true || entry.status !== 'disputed');
      const by = w.by ? ` ${md(l10n.t('by {0}', w.by))}` : w.kind === 'verbatim' ? ` ${md(l10n.t('recorded by {0}', recorderOf(w, sourceOf)))}` : '';
      const heading = field(
        preferred ? l10n.t('Preferred wording') : entry.status === 'disputed' && w.kind === 'verbatim' ? l10n.t('Recorded wording') : l10n.t('Other wording'),
      );
      out.push('', `${heading} (${wordingText(w.kind)}${by}, ${md(w.language)})${sourceNote(w.citations, index)}:`);
      if (w.kind === 'rendering') out.push('', `⚠️ *${md(l10n.t('Not the speaker’s recorded words: do not quote this as theirs.'))}*`);
      out.push('', quoteBlock(`\u201C${w.text}\u201D`));
      if (w.note) out.push('', `*${md(w.note)}*`);
    }
  }

  if (fact.variants && fact.variants.length > 0) {
    out.push('', field(l10n.t('Sources disagree:')));
    for (const v of fact.variants) out.push(`- ${md(v.value)}${sourceNote(v.citations, index)}${v.note ? `: ${md(v.note)}` : ''}`);
  }
  if (fact.note) out.push('', `*${md(l10n.t('Note:'))}* ${md(fact.note)}`);

  out.push('', '---', '');
  // Strongest source first: an official record, a wire, an outlet; a republication after the original.
  for (const c of strongestFirst(fact.citations, (x) => index.source(x.source)?.source)) {
    const s = index.source(c.source);
    if (!s) continue;
    const open = options.links ? ` · [${md(l10n.t('Open source'))}](${options.links.openSource(s.source.id)})` : '';
    out.push(
      `${field(l10n.t('Source:'))} ${md(describeSource(s.source, style))}${s.source.url ? ` · ${cardAddress(s.source.url)}` : ''}${open}${c.locator ? ` · ${md(c.locator)}` : ''}`,
    );
    if (c.evidence) out.push(quoteBlock(c.evidence));
    out.push('');
  }
  out.push('', `${field(l10n.t('Status:'))} ${statusText(entry.status)}: ${md(entry.statusReason)}`);
  const checked = fact.checked ?? entry.pack.pack.meta.checked;
  if (checked) out.push('', `${field(l10n.t('Last checked:'))} ${md(formatDate(checked, style))}`);
  if (entry.evidence) {
    const { found, missing } = entry.evidence;
    out.push(
      '',
      `${field(l10n.t('Evidence:'))} ${
        missing > 0
          ? `⚠️ ${md(l10n.t('{0} of {1} excerpts not found in the source text', missing, found + missing))}`
          : md(found === 1 ? l10n.t('1 excerpt found verbatim in the source text') : l10n.t('{0} excerpts found verbatim in the source text', found))
      }`,
    );
  }
  out.push(
    '',
    `${field(l10n.t('Pack:'))} ${entry.pack.origin === 'bundled' ? md(l10n.t('bundled with Agreement Cite')) : md(l10n.t('{0} (a workspace pack)', entry.pack.label ?? entry.pack.locations.file))}`,
  );
  return out.join('\n');
}

function sourceNote(citations: readonly Citation[], index: FactIndex): string {
  const names = [...new Set(citations.map((c) => index.source(c.source)?.source.publisher ?? c.source))];
  return names.length > 0 ? ` — ${names.map(md).join(', ')}` : '';
}
