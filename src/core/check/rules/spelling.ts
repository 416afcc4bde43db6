import * as l10n from '@vscode/l10n';
// Rule `inconsistent-spelling`: one person's name spelled several ways in a document.
import { type AliasEntry } from '../../facts/aliasMatcher';
import { derivedValue, type FactIndex, type IndexedFact } from '../../facts/factIndex';
import { type CheckCache, KIND_PERSON, type NameWord, type ParagraphScan } from '../checkCache';
import { type Finding, type Fix, withFixes } from '../findings';
import { ScannedDocument } from '../scannedDocument';
import { type CaseForms, NOT_UKRAINIAN, UKRAINIAN_LETTERS, cyrillicSpellings, isCyrillicLetter } from '../ukProse';

export interface SpellingClass {
  person: IndexedFact;
  /** Folded spelling → how the pack writes it. */
  forms: Map<string, string>;
  /** Cyrillic spellings (cyrillic.ts): a declined word's spelling and its forms in the others; the pack's own spelling is preferred. */
  cases?: CaseForms;
}

export interface SpellingClasses {
  /** Per person: folded word → class id. */
  byWord: Map<IndexedFact, Map<string, number>>;
  classes: SpellingClass[];
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/**
 * The spelling variants of each person's names, from their aliases: words
 * in Latin script that differ by a letter or two ("Zelenskyy", "Zelensky",
 * "Zelenskiy"; "Umerov", "Umierov"), and in Cyrillic the family names of a
 * language's aliases that differ so from its recorded one ("Умеров" beside
 * "Умєров"), each in every case its forms give ("Умерова" is "Умєрова").
 * Other forms of a name ("Sir Keir") are not spellings of it.
 */
const SPELLINGINDEXES = derivedValue('check: spelling classes', readSpellingClasses);

export function spellingClasses(index: FactIndex): SpellingClasses {
  return index.derived(SPELLINGINDEXES);
}

function readSpellingClasses(index: FactIndex): SpellingClasses {
  const sc: SpellingClasses = { byWord: new Map(), classes: [] };
  for (const person of index.byKind('person')) {
    const words = new Map<string, string>();
    for (const alias of [person.fact.label, ...person.fact.aliases]) {
      for (const w of alias.match(/[A-Za-z]+/g) ?? []) if (w.length >= 4 && /^[A-Z]/.test(w)) words.set(w.toLowerCase(), w);
    }
    const list = [...words.keys()];
    const parent = list.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a[0] !== b[0] || Math.abs(a.length - b.length) > 2) continue;
        const d = editDistance(a, b);
        if (d <= 2 && d <= Math.max(a.length, b.length) / 3) parent[find(i)] = find(j);
      }
    }
    const groups = new Map<number, string[]>();
    list.forEach((w, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), w]));
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const id = sc.classes.length;
      sc.classes.push({ person, forms: new Map(group.map((w) => [w, words.get(w)!])) });
      const ids = sc.byWord.get(person) ?? new Map<string, number>();
      for (const w of group) ids.set(w, id);
      sc.byWord.set(person, ids);
    }
    for (const cases of cyrillicSpellings(person.fact, editDistance)) {
      const id = sc.classes.length;
      sc.classes.push({ person, forms: cases.spellings, cases });
      const ids = sc.byWord.get(person) ?? new Map<string, number>();
      for (const w of cases.spellingOf.keys()) ids.set(w, id);
      sc.byWord.set(person, ids);
    }
  }
  return sc;
}

export function* checkSpellings(doc: ScannedDocument): Generator<void, Finding[], void> {
  const sc = spellingClasses(doc.index);
  if (sc.classes.length === 0) return [];
  const seen = new Map<number, Map<string, { start: number; end: number; written: string }[]>>();
  for (const [at, scan] of doc.scans) {
    if (scan.names === undefined && doc.pace.tick()) yield;
    scan.names ??= nameWords(scan, doc.prose, at, sc, doc.cache);
    for (const w of scan.names) {
      if (doc.quoted(at + w.match)) continue;
      let forms = seen.get(w.cls);
      if (!forms) seen.set(w.cls, (forms = new Map()));
      let list = forms.get(w.folded);
      if (!list) forms.set(w.folded, (list = []));
      list.push({ start: at + w.start, end: at + w.end, written: w.written });
    }
  }
  yield;
  const out: Finding[] = [];
  for (const [id, forms] of seen) {
    const cls = sc.classes[id];
    // One spelling throughout is consistent, unless it is written with letters Ukrainian has not ("Шмыгаль") in Ukrainian prose.
    const lone = forms.size === 1 && cls.cases !== undefined && NOT_UKRAINIAN.test(forms.keys().next().value!) && UKRAINIAN_LETTERS.test(doc.prose);
    if (forms.size < 2 && !lone) continue;
    const preferred = preferredSpelling(cls, forms, doc.options.spellings);
    if (lone && preferred.folded === forms.keys().next().value) continue;
    const counts = [...forms.values()].map((list) => `${list[0].written} (${list.length}×)`).join(', ');
    // A Cyrillic name is respelt in the case it is written in ("Умерова" → "Умєрова").
    const respelt = (target: string, display: string, written: string): string => matchCase(cls.cases?.respell(written, target) ?? display, written);
    const fixFor = (target: string, display: string, isPreferred: boolean): Fix => ({
      title: l10n.t('Spell every mention “{0}”', display),
      edits: [...forms.entries()]
        .filter(([f]) => f !== target)
        .flatMap(([, list]) => list.map((o) => ({ offset: o.start, length: o.end - o.start, text: respelt(target, display, o.written) }))),
      preferred: isPreferred,
    });
    const others = [...forms.keys()].filter((f) => f !== preferred.folded);
    let shared: Fix[] | undefined;
    const fixes = (): Fix[] =>
      (shared ??= [
        fixFor(preferred.folded, preferred.display, true),
        ...(lone ? [] : others.map((x) => fixFor(x, cls.cases ? cls.forms.get(x)! : forms.get(x)![0].written, false))),
      ]);
    const message = lone
      ? l10n.t(
          '{0} is spelled “{1}” here, with a letter Ukrainian does not use; the pack spells it “{2}”.',
          cls.person.fact.label,
          forms.values().next().value![0].written,
          preferred.display,
        )
      : preferred.fromSetting
        ? l10n.t(
            '{0} is spelled several ways in this document: {1}. Keep one spelling: “{2}” (your preferred spelling).',
            cls.person.fact.label,
            counts,
            preferred.display,
          )
        : l10n.t('{0} is spelled several ways in this document: {1}. Keep one spelling: “{2}”.', cls.person.fact.label, counts, preferred.display);
    for (const f of others) {
      for (const o of forms.get(f)!) {
        if (doc.pace.tick()) yield;
        out.push(
          withFixes(
            {
              code: 'inconsistent-spelling',
              start: o.start,
              end: o.end,
              severity: 'info',
              message,
              data: { factId: cls.person.fact.id, personId: cls.person.fact.id, spelling: o.written, preferredSpelling: preferred.display },
            },
            fixes,
          ),
        );
      }
    }
  }
  return out;
}

/** The words of the names in a paragraph (at `at` in the prose) that belong to a spelling class, in order. */
export function nameWords(scan: ParagraphScan, prose: string, at: number, sc: SpellingClasses, cache: CheckCache): NameWord[] {
  const out: NameWord[] = [];
  // The scan's matches stand where the paragraph last stood (scan.at); the prose's paragraph starts at `at`.
  const delta = at - scan.at;
  const ms = scan.matches;
  for (let k = 0; k < ms.length; k += 4) {
    if (((ms[k + 3] as number) & KIND_PERSON) === 0) continue;
    const entry = ms[k + 2] as AliasEntry<IndexedFact>;
    const matchStart = (ms[k] as number) + delta;
    const matchEnd = (ms[k + 1] as number) + delta;
    for (const p of entry.values) {
      const byWord = sc.byWord.get(p);
      if (!byWord) continue;
      // The Latin or Cyrillic words of the name as written ("Volodymyr", "Zelensky", "Умєрова"), read without a regular expression per mention.
      for (let i = matchStart; i < matchEnd;) {
        const c = prose.charCodeAt(i);
        const letter = isAsciiLetter(c) ? isAsciiLetter : isCyrillicLetter(c) ? isCyrillicLetter : undefined;
        if (!letter) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < matchEnd && letter(prose.charCodeAt(j))) j++;
        const written = prose.slice(i, j);
        const folded = written.toLowerCase();
        const cls = byWord.get(folded);
        // A declined Cyrillic word counts as its spelling: "Умерова" and "Умеров" are one spelling.
        const spelling = cls === undefined ? undefined : (sc.classes[cls].cases?.spellingOf.get(folded) ?? folded);
        if (cls !== undefined)
          out.push({ match: matchStart - at, start: i - at, end: j - at, cls, written: cache.intern(written), folded: cache.intern(spelling!) });
        i = j;
      }
    }
  }
  return out.length === 0 ? NO_NAMES : out;
}

/** What a paragraph naming no one with several spellings keeps: most do. */
const NO_NAMES = Object.freeze([]) as unknown as NameWord[];

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function matchCase(display: string, written: string): string {
  if (written === written.toUpperCase() && written !== written.toLowerCase()) return display.toUpperCase();
  return display;
}

export function preferredSpelling(
  cls: SpellingClass,
  forms: Map<string, { written: string }[]>,
  spellings: Readonly<Record<string, string>> | undefined,
): { folded: string; display: string; fromSetting: boolean } {
  for (const [from, to] of Object.entries(spellings ?? {})) {
    const f = from.toLowerCase();
    const t = to.toLowerCase();
    if (cls.forms.has(t) && (forms.has(f) || cls.forms.has(f))) return { folded: t, display: to, fromSetting: true };
  }
  // In Cyrillic the pack's own spelling is the one to keep, however often another is written.
  if (cls.cases) return { folded: cls.cases.recorded, display: cls.forms.get(cls.cases.recorded)!, fromSetting: false };
  const labelWords = new Set((cls.person.fact.label.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()));
  const ranked = [...forms.entries()].sort(
    (a, b) => b[1].length - a[1].length || Number(labelWords.has(b[0])) - Number(labelWords.has(a[0])) || a[1][0].written.localeCompare(b[1][0].written),
  );
  const [folded, list] = ranked[0];
  return { folded, display: cls.forms.get(folded) ?? list[0].written, fromSetting: false };
}
