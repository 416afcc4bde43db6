import { strongestFirst } from '../references/citation';
import { formatDate } from '../document/dates';
import type { FactIndex, IndexedFact } from './factIndex';
import { FACT_KINDS, STATUSES, type Fact, type IsoDate, type Source } from '../types';

/**
 * docs/FACTBASE.md: the fact base as an editor reviews it. Counts first (facts
 * by kind and status, those resting on one origin, open-ended roles and the
 * day each was last checked), then every fact by kind with its value,
 * status, independent origins, sources and checked day. Written by the build
 * from the bundled pack; a test fails when the committed page differs.
 */
export function factBaseMarkdown(index: FactIndex): string {
  const out: string[] = [];
  const meta = index.packs[0]?.pack.meta;
  const day = (iso: IsoDate | undefined): string => (iso ? formatDate(iso, 'en-GB') : '—');
  out.push('# The fact base', '');
  out.push('<!-- Written by `npm run build` from data/*.yaml; edit the pack, not this page. -->', '');
  out.push(
    `Every fact bundled with Agreement Cite, with its status, its independent origins (a source and the sources it rewrites or republishes count once), its sources and the day it was last checked. The pack was last checked on ${day(meta?.checked)}: a role with no recorded end, and a current figure, holds as of that day.`,
    '',
  );

  out.push('## Counts', '');
  out.push(`| kind | ${STATUSES.join(' | ')} | all |`, `|---|${STATUSES.map(() => '---:').join('|')}|---:|`);
  for (const kind of FACT_KINDS) {
    const facts = index.byKind(kind);
    if (facts.length === 0) continue;
    out.push(`| ${kind} | ${STATUSES.map((s) => facts.filter((f) => f.status === s).length).join(' | ')} | ${facts.length} |`);
  }
  out.push(`| **all** | ${STATUSES.map((s) => index.facts.filter((f) => f.status === s).length).join(' | ')} | ${index.facts.length} |`, '');
  const single = index.facts.filter((f) => f.origins <= 1).sort((a, b) => a.fact.id.localeCompare(b.fact.id));
  out.push(
    `Sources: ${index.sources.length}. Facts resting on a single origin: ${single.length} of ${index.facts.length}${single.length > 0 ? ` (${single.map((f) => `\`${f.fact.id}\``).join(', ')})` : ''}.`,
    '',
  );
  const tags = [...new Set(index.facts.flatMap((f) => Object.keys(f.fact.languages ?? {})))].sort();
  if (tags.length > 0)
    out.push(
      `In other languages: ${tags.map((t) => `${t} ${index.facts.filter((f) => f.fact.languages?.[t]).length} of ${index.facts.length}`).join('; ')} (label and text; the facts below show the Ukrainian label).`,
      '',
    );

  const open = [...index.byKind('person')]
    .sort((a, b) => a.fact.id.localeCompare(b.fact.id))
    .flatMap((p) =>
      index
        .roleHistory(p.fact.id)
        .filter((r) => !r.held.to)
        .map((r) => ({ person: p, r })),
    );
  out.push('### Open-ended roles', '', 'Each holds as of the day it was last checked, not after it.', '');
  if (open.length === 0) out.push('None.', '');
  else {
    out.push('| person | role | since | last checked |', '|---|---|---|---|');
    for (const { person, r } of open)
      out.push(`| ${cell(person.fact.label)} | ${cell(r.role?.fact.label ?? r.held.role)} | ${day(r.held.from)} | ${day(r.checked)} |`);
    out.push('');
  }

  out.push('## Facts by kind', '');
  for (const kind of FACT_KINDS) {
    const facts = [...index.byKind(kind)].sort((a, b) => a.fact.id.localeCompare(b.fact.id));
    if (facts.length === 0) continue;
    out.push(`### ${kind} (${facts.length})`, '');
    out.push('| fact | value | status | origins | sources | checked |', '|---|---|---|---:|---|---|');
    for (const f of facts)
      out.push(
        `| ${factCell(f)} | ${cell(valueOf(f.fact, index))} | ${f.status}: ${cell(f.statusReason)} | ${f.origins} | ${sourcesCell(f, index)} | ${day(f.fact.checked ?? f.pack.pack.meta.checked)} |`,
      );
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function factCell(f: IndexedFact): string {
  const uk = f.fact.languages?.uk?.label;
  return `${cell(f.fact.label)}${uk && uk !== f.fact.label ? `<br>uk: ${cell(uk)}` : ''}<br>\`${f.fact.id}\``;
}

/** What a fact says, in a line: its text with dates filled in, its figure, its roles or its wordings. */
function valueOf(fact: Fact, index: FactIndex): string {
  const parts: string[] = [];
  const text = fact.text
    .replace(/\{date\}/g, fact.date ? formatDate(fact.date, 'en-GB') : '')
    .replace(/\{endDate\}/g, fact.endDate ? formatDate(fact.endDate, 'en-GB') : '');
  if (fact.kind !== 'quote') parts.push(text);
  if (fact.date && !fact.text.includes('{date}'))
    parts.push(`date: ${formatDate(fact.date, 'en-GB')}${fact.endDate ? ` – ${formatDate(fact.endDate, 'en-GB')}` : ''}`);
  if (fact.number !== undefined) parts.push(`figure: ${fact.number.toLocaleString('en-GB')}${fact.unit ? ` ${fact.unit}` : ''}`);
  for (const r of fact.roles ?? []) {
    const role = index.fact(r.role)?.fact.label ?? r.role;
    parts.push(`${role}: ${r.from ? formatDate(r.from, 'en-GB') : '?'} – ${r.to ? formatDate(r.to, 'en-GB') : 'no recorded end'}`);
  }
  for (const w of fact.wordings ?? []) parts.push(`${w.kind}${w.preferred ? ', preferred' : ''}: “${w.text}”`);
  for (const v of fact.variants ?? []) parts.push(`variant: ${v.value}`);
  return parts.join(' · ');
}

function sourcesCell(f: IndexedFact, index: FactIndex): string {
  const ids = new Set<string>([
    ...f.fact.citations.map((c) => c.source),
    ...(f.fact.wordings ?? []).flatMap((w) => w.citations.map((c) => c.source)),
    ...(f.fact.roles ?? []).flatMap((r) => r.citations.map((c) => c.source)),
  ]);
  const sources = [...ids].map((id) => index.source(id)?.source).filter((s): s is Source => s !== undefined);
  return strongestFirst(sources, (s) => s)
    .map(sourceLink)
    .join('<br>');
}

function sourceLink(s: Source): string {
  const name = `${s.publisher}${s.via ? ` (via ${s.via})` : ''}${s.date ? `, ${formatDate(s.date, 'en-GB')}` : ''}`;
  const based = s.basedOn?.length ? ` (based on ${s.basedOn.join(', ')})` : '';
  return s.url ? `[${cell(name)}](${s.url.replace(/[()\s|]/g, encodeURIComponent)})${cell(based)}` : `${cell(name)}${cell(based)}`;
}

/** Text for a table cell: no line breaks, no pipes, no markup. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .trim();
}
