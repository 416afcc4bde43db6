import * as l10n from '@vscode/l10n';
// Rules `role-not-held` and `role-unconfirmed`: a person given a role at a date the pack does not record them holding it.
import { type DateStyle, compareIso, formatDate, isoSpan } from '../../document/dates';
import { foldText } from '../../document/text';
import { type AliasMatch } from '../../facts/aliasMatcher';
import { checkedDayOf, roleStateDuring } from '../../facts/asOf';
import { type IndexedFact } from '../../facts/factIndex';
import { type IsoDate, type RoleHeld } from '../../types';
import { KIND_PERSON, KIND_ROLE, keptUnder, placedFindings } from '../checkCache';
import { type CheckCode, type Finding, type FindingData, type Fix, withFixes } from '../findings';
import { ScannedDocument, factsOfKind } from '../scannedDocument';
import { FORMER, UK_QUALIFIED, roleCase, roleIn } from '../ukProse';

/** Words before a role that say it is not meant at the date in question. */
export const QUALIFIED =
  /\b(?:former|ex|then|later|future|outgoing|incoming|acting|previous|erstwhile|one-time|past|new|newly appointed|interim|designate|would-be|soon-to-be|late)[\s\u2010-\u2015-]*$/;

/** Between a name and a role after it: ", the", " (", " is", " remains". */
export const NAME_THEN_ROLE = /^(?:\s*[,(]\s*|\s+(?:is|remains|serves as)\s+)(?:(?:the|now|currently|still|also|as|ukraine's|britain's|the uk's|who is)\s+)*$/;

/** After a role that follows a name: a period, not a date in question. */
export const PERIOD_AFTER = /^\s*(?:until|till|from|between|since|in|during|at the time|then|before|after)\b/;

export interface RoleMention {
  role: IndexedFact;
  person: IndexedFact;
  roleMatch: AliasMatch<IndexedFact>;
  personMatch: AliasMatch<IndexedFact>;
  /** The role written before the name ("Defence Minister Rustem Umerov") or after it ("Umerov, Ukraine's defence minister"). */
  before: boolean;
  /** "Shmyhal has been Minister of Defence since …": a claim that the role still holds at the document's date. */
  stillHeld?: boolean;
}

/** "has been" between a name and a role, with "since" after the role: the role is claimed to hold now. */
export const HAS_BEEN = /^\s+(?:has|have)\s+(?:been|served as)\s+(?:the\s+|ukraine's\s+|britain's\s+|the uk's\s+)*$/;

export const SINCE_AFTER = /^\s*since\b/;

/** Roles written beside a name among the matches [from, to). */
export function roleMentions(doc: ScannedDocument, from: number, to: number): RoleMention[] {
  const out: RoleMention[] = [];
  const ms = doc.matches;
  const kinds = ms.kinds;
  for (let k = from; k + 1 < to; k++) {
    const ka = kinds[k];
    const kb = kinds[k + 1];
    const roleFirst = (ka & KIND_ROLE) !== 0 && (kb & KIND_PERSON) !== 0;
    const personFirst = (ka & KIND_PERSON) !== 0 && (kb & KIND_ROLE) !== 0;
    if (!roleFirst && !personFirst) continue;
    if (ms.starts[k + 1] - ms.ends[k] > 40) continue;
    const a = ms.match(k);
    const b = ms.match(k + 1);
    const gap = doc.prose.slice(a.end, b.start);
    if (roleFirst && /^[ \t]*\r?\n?[ \t]*$/.test(gap)) {
      const lead = foldText(doc.prose.slice(Math.max(0, a.start - 30), a.start));
      if (!QUALIFIED.test(lead) && !UK_QUALIFIED().test(lead)) {
        for (const role of factsOfKind(a, 'role'))
          for (const person of factsOfKind(b, 'person')) out.push({ role, person, roleMatch: a, personMatch: b, before: true });
      }
      continue;
    }
    if (!personFirst) continue;
    const spaced = `${/^\s/.test(gap) ? ' ' : ''}${foldText(gap)} `;
    const after = foldText(doc.prose.slice(b.end, b.end + 30));
    if (HAS_BEEN.test(spaced) && SINCE_AFTER.test(after)) {
      for (const role of factsOfKind(b, 'role'))
        for (const person of factsOfKind(a, 'person')) out.push({ role, person, roleMatch: b, personMatch: a, before: false, stillHeld: true });
      continue;
    }
    if (!NAME_THEN_ROLE.test(spaced)) continue;
    if (PERIOD_AFTER.test(after)) continue;
    // "Umerov, Ukraine's defence minister, said" is an apposition; "According to Umerov, the defence minister will" is not.
    if (/^\s*[,(]/.test(gap) && !/^\s*(?:[,;:.)!?]|[-\u2013\u2014]\s|$)/.test(doc.prose.slice(b.end, b.end + 3))) continue;
    for (const role of factsOfKind(b, 'role'))
      for (const person of factsOfKind(a, 'person')) out.push({ role, person, roleMatch: b, personMatch: a, before: false });
  }
  return out;
}

/** The date a mention is judged at: the one every feature reads it at (DocumentModel.dateInQuestionAt). */
export function dateInQuestion(
  doc: ScannedDocument,
  offset: number,
): { first: IsoDate; last: IsoDate; source: FindingData['dateSource']; written?: string } | 'unknown' {
  const d = doc.model.dateInQuestionAt(offset);
  // A day whose year the text does not give cannot be judged.
  return d.source === 'yearless' ? 'unknown' : { first: d.iso, last: d.last, source: d.source, written: d.written };
}

/**
 * A role finding's fixes, each replacing the role (or, for "former", going
 * before it); made here so that a finding kept across checks keeps nothing of
 * the check that found it.
 */
function roleFixes(fixes: readonly { title: string; text: string; replace: boolean }[], start: number, end: number): () => Fix[] {
  return () => fixes.map((f, i) => ({ title: f.title, edits: [{ offset: start, length: f.replace ? end - start : 0, text: f.text }], preferred: i === 0 }));
}

export function period(role: RoleHeld, style: DateStyle): string {
  const from = role.from ? formatDate(role.from, style) : undefined;
  const to = role.to ? formatDate(role.to, style) : undefined;
  if (from && to) return l10n.t('from {0} to {1}', from, to);
  if (from) return l10n.t('from {0}', from);
  if (to) return l10n.t('until {0}', to);
  return l10n.t('at other dates');
}

/** A role's name to write before a person's name: short, in title case. */
export function roleTitle(role: IndexedFact): string {
  if (role.fact.label.length <= 32) return role.fact.label;
  const latin = role.fact.aliases.filter((a) => /^[A-Z][A-Za-z' ]+$/.test(a));
  return latin.sort((a, b) => a.length - b.length)[0] ?? role.fact.label;
}

export function* checkRoles(doc: ScannedDocument, on: (code: CheckCode) => boolean): Generator<void, Finding[], void> {
  const out: Finding[] = [];
  const ms = doc.matches;
  for (let i = 0; i < ms.count;) {
    if ((ms.kinds[i] & (KIND_ROLE | KIND_PERSON)) === 0) {
      i++;
      continue;
    }
    if (doc.pace.tick()) yield;
    // Roles are judged paragraph by paragraph: a name and its role never sit on either side of a blank line.
    const para = doc.paragraphAt(ms.starts[i]);
    let j = i;
    while (j < ms.count && ms.starts[j] < para.end) j++;
    const from = i;
    i = j;
    const scan = doc.scans.get(para.start);
    // The paragraph's findings depend on its text, the years of its yearless dates and the document's date.
    const years = doc
      .datesIn(para.start, para.end)
      .map((d) => (d.hasYear ? '' : (d.first ?? '?')))
      .join(',');
    const key = `${doc.options.dateStyle}\u0000${doc.date.iso}\u0000${doc.date.source}\u0000${doc.date.written ?? ''}\u0000${years}`;
    let kept = keptUnder(scan?.roles, key);
    if (!kept) {
      const roles = doc.cache.keepFindings(key, para.start, rolesIn(doc, from, j));
      kept = roles.value;
      if (scan) scan.roles = roles;
    }
    // Kept findings are of both role rules; those switched off are left out here.
    for (const f of placedFindings(kept, para.start)) if (on(f.code)) out.push(f);
  }
  return out;
}

export function rolesIn(doc: ScannedDocument, from: number, to: number): Finding[] {
  const out: Finding[] = [];
  const style = doc.options.dateStyle;
  for (const m of roleMentions(doc, from, to)) {
    if (doc.quoted(m.roleMatch.start) || doc.quoted(m.personMatch.start)) continue;
    const history = (m.person.fact.roles ?? []).filter((r) => r.role === m.role.fact.id);
    // A role the pack does not record for this person may still be right: the pack is not a biography.
    if (history.length === 0) continue;
    // "has been … since 17 July 2025" claims the role at the document's own date, not at the date after "since".
    const at = m.stillHeld
      ? { first: doc.date.iso, last: doc.date.iso, source: doc.date.source, written: doc.date.written }
      : dateInQuestion(doc, Math.min(m.roleMatch.start, m.personMatch.start));
    if (at === 'unknown') continue;
    const written = doc.prose.slice(m.roleMatch.start, m.roleMatch.end);
    // The same person, role and date give the same verdict and words wherever they are written.
    const key = `role\u0000${m.person.fact.id}\u0000${m.role.fact.id}\u0000${at.first}\u0000${at.last}\u0000${at.source}\u0000${m.before}\u0000${m.stillHeld === true}\u0000${written}`;
    const judged = doc.memo(key, () => {
      // An open-ended role holds as of the day it was last checked; after it, the pack cannot say.
      const person = m.person;
      const states = history
        .map((r) => ({ r, checked: checkedDayOf(r, person.fact, person.pack.pack.meta) }))
        .map((x) => ({ ...x, state: roleStateDuring(x.r, at.first, at.last, x.checked) }));
      if (states.some((x) => x.state === 'held')) return undefined;
      const when = at.first === at.last ? l10n.t('on {0}', doc.formatDate(at.first)) : l10n.t('in {0}', at.written ?? doc.formatDate(at.first));
      const whence =
        at.source === 'paragraph'
          ? l10n.t('the date in this paragraph')
          : at.source === 'document'
            ? l10n.t('the document’s date')
            : at.source === 'setting'
              ? l10n.t('the document date setting')
              : l10n.t('today');
      const open = states.find((x) => x.state === 'unconfirmed');
      if (open) {
        return {
          code: 'role-unconfirmed' as const,
          fixes: [],
          message: l10n.t(
            '{0} as {1}: last confirmed on {2} (held {3}); check it still holds {4} ({5}).',
            person.fact.label,
            m.role.fact.label,
            doc.formatDate(open.checked!),
            period(open.r, style),
            when,
            whence,
          ),
        };
      }
      const held = doc.index.rolesAt(m.person.fact.id, at.first).filter((r) => r.role);
      const ended = history.every((r) => r.to && compareIso(at.first, isoSpan(r.to)!.last) > 0);
      // A role written in Ukrainian is changed to the role held then in Ukrainian, in the case it is written in.
      const uk = /\p{Script=Cyrillic}/u.test(written) ? m.role.fact.languages?.uk : undefined;
      const inCase = uk && roleCase(written, uk);
      const fixes: { title: string; text: string; replace: boolean }[] = [];
      for (const r of held) {
        const text = uk
          ? inCase && r.role!.fact.languages?.uk
            ? roleIn(r.role!.fact.languages.uk, inCase, /^\p{Lu}/u.test(written))
            : undefined
          : m.before
            ? roleTitle(r.role!)
            : r.role!.fact.label;
        if (text) fixes.push({ title: l10n.t('Change to {0}', text), text: doc.escape(text), replace: true });
      }
      if (ended && !uk) fixes.push({ title: l10n.t('Change to “former {0}”', written), text: 'former ', replace: false });
      else if (ended && inCase) {
        const former = /^\p{Lu}/u.test(written)
          ? FORMER[inCase][0].toUpperCase() + FORMER[inCase].slice(1) + ' ' + written[0].toLowerCase() + written.slice(1)
          : `${FORMER[inCase]} ${written}`;
        fixes.push({ title: l10n.t('Change to {0}', former), text: doc.escape(former), replace: true });
      }
      const roles = held.map((r) => r.role!.fact.label).join('; ');
      const now = held.length > 0 ? ` ${at.first === at.last ? l10n.t('On that date: {0}.', roles) : l10n.t('At that time: {0}.', roles)}` : '';
      // "has been … since": the period is the writer's; which words should replace it is the writer's call.
      const claim = m.stillHeld ? ` ${l10n.t('“Has been … since” says the role still holds then.')}` : '';
      return {
        code: 'role-not-held' as const,
        fixes: m.stillHeld ? [] : fixes,
        message:
          l10n.t(
            '{0} was not {1} {2} ({3}); held {4}.',
            m.person.fact.label,
            m.role.fact.label,
            when,
            whence,
            history.map((r) => period(r, style)).join(', '),
          ) +
          now +
          claim,
      };
    });
    if (!judged) continue;
    out.push(
      withFixes(
        {
          code: judged.code,
          start: m.roleMatch.start,
          end: m.roleMatch.end,
          severity: judged.code === 'role-unconfirmed' ? 'info' : 'warning',
          message: judged.message,
          data: { factId: m.role.fact.id, personId: m.person.fact.id, roleId: m.role.fact.id, date: at.first, dateSource: at.source },
        },
        roleFixes(judged.fixes, m.roleMatch.start, m.roleMatch.end),
      ),
    );
  }
  return out;
}
