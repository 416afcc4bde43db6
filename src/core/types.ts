/**
 * The fact-pack model. One format serves the bundled pack and the packs that
 * writers keep in their workspace; `schema/factpack.schema.json` describes the
 * same shape for YAML tooling.
 */

/** A zero-based line/character position, as editors count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a pack: always located, never thrown. */
export interface Problem {
  /** The pack file's path or URI as given to the loader. */
  file: string;
  range: Range;
  message: string;
  /** Stable machine-readable code, e.g. `yaml-syntax`, `unknown-key`. */
  code: string;
  severity: Severity;
}

/** ISO 8601 calendar date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the day or month is not known. */
export type IsoDate = string;

export const SOURCE_KINDS = ['wire', 'outlet', 'parliament', 'official-record', 'government', 'encyclopedia', 'social-media', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  /** Who republished it, where the address is a republication (e.g. a wire story run by a newspaper). */
  via?: string;
  date?: IsoDate;
  url?: string;
  /** Further addresses where the same text can be read. */
  alsoAt?: string[];
  kind: SourceKind;
  /** BCP 47 language tag of the source text, e.g. `en`, `uk`. */
  language: string;
  /**
   * A local copy of the source's text, relative to the pack file. When set,
   * every evidence excerpt and quote wording attributed to this source must be
   * found in that text verbatim.
   */
  textFile?: string;
  /** Ids of the sources this one rewrites or republishes: with them it is one witness, not two. */
  basedOn?: string[];
  note?: string;
}

export const FACT_KINDS = ['person', 'role', 'event', 'place', 'organisation', 'agreement', 'provision', 'figure', 'term', 'quote'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const STATUSES = ['confirmed', 'reported', 'disputed'] as const;
/**
 * confirmed: an official record, or two independent sources (different publishers) agree;
 * reported: one source; disputed: sources disagree (variants listed).
 */
export type Status = (typeof STATUSES)[number];

export interface Citation {
  source: string;
  /** A short excerpt of the source that supports the fact, copied exactly. */
  evidence?: string;
  /** Where in the source: paragraph, page, timestamp. */
  locator?: string;
}

/** A dated role held by a person. */
export interface RoleHeld {
  /** Id of a fact of kind `role`. */
  role: string;
  from?: IsoDate;
  /** Last day held; open when absent. */
  to?: IsoDate;
  citations: Citation[];
  /** The day this period was last checked, where it differs from the pack's. */
  checked?: IsoDate;
  note?: string;
}

/** Another value that some source gives for the same fact. */
export interface Variant {
  value: string;
  citations: Citation[];
  note?: string;
}

export const WORDING_KINDS = ['verbatim', 'translation', 'rendering'] as const;
/**
 * verbatim: the speaker's own words as recorded; translation: an outlet's
 * translation of words spoken or written in another language; rendering: an
 * outlet's version that does not match the recorded words (for example a
 * re-translation), not to be presented as the speaker's own words.
 */
export type WordingKind = (typeof WORDING_KINDS)[number];

export interface Wording {
  id: string;
  text: string;
  kind: WordingKind;
  /** Language of this wording. */
  language: string;
  /** Who translated or rendered it, for translation and rendering. */
  by?: string;
  citations: Citation[];
  preferred?: boolean;
  note?: string;
}

export const GENDERS = ['masculine', 'feminine'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * A fact's label, text and names in another language than the pack's own,
 * under `languages:` keyed by a BCP 47 tag (`uk`). The bundled pack has `uk`
 * for every fact; writers' packs may add any language.
 */
export interface FactInLanguage {
  label: string;
  /** The text Insert Citation writes in a document in this language, in the pack's own words. */
  text: string;
  /** Base (nominative) names in this language, variant spellings too. */
  aliases?: string[];
  /** For a person: the parts of the name, for declining it. */
  name?: { given?: string; patronymic?: string; family: string; gender: Gender };
  /** Inflected forms written by hand where no library declines the word. */
  forms?: string[];
}

export interface Fact {
  id: string;
  kind: FactKind;
  label: string;
  /** The text inserted into a draft, in the pack's own words. */
  text: string;
  /** Phrases that trigger hover and completion: spellings, Cyrillic, short forms. */
  aliases: string[];
  /** Whether aliases are generated from `date` (e.g. "23 June", "June 23, 2025"). Default true for events. */
  dateAliases?: boolean;
  citations: Citation[];
  /** Declared status; checked against what the citations back. Derived when absent. */
  status?: Status;
  /** ISO date of an event, a signing, a publication. */
  date?: IsoDate;
  /** Last day of an event spanning several days. */
  endDate?: IsoDate;
  /**
   * For an event: the words that describe it in prose besides its aliases.
   * A sentence with one of `actions` and either a participant or place
   * (`related`, `place`) or one of `words` speaks of this event.
   */
  describedBy?: { actions: string[]; words?: string[] };
  /** Place of an event: id of a `place` fact. */
  place?: string;
  number?: number;
  unit?: string;
  /** For a person: the roles held, with dates. */
  roles?: RoleHeld[];
  /** For a quote: id of the speaker's `person` fact. */
  speaker?: string;
  occasion?: string;
  /** For a quote: the original language of the words. */
  language?: string;
  /** For a quote: every known wording. */
  wordings?: Wording[];
  variants?: Variant[];
  /** Ids of related facts. */
  related?: string[];
  /** The day this fact was last checked, where it differs from the pack's. */
  checked?: IsoDate;
  note?: string;
  /** Label, text and names in other languages, by BCP 47 tag. */
  languages?: Record<string, FactInLanguage>;
}

export interface PackMeta {
  id: string;
  title: string;
  version: string;
  description?: string;
  language: string;
  updated?: IsoDate;
  /** The day the pack's facts were last checked against the record: open-ended roles and current figures hold as of this day. */
  checked: IsoDate;
  license?: string;
}

export interface Pack {
  meta: PackMeta;
  sources: Source[];
  facts: Fact[];
}

/**
 * Ranges or paths by id: a Map as the loader makes it, or one that a cache
 * entry reads on its first lookup (src/core/packs/packCacheEntry.ts).
 */
export type ByIdLookup<V> = Pick<ReadonlyMap<string, V>, 'get'> & Iterable<[string, V]>;

/** Where each element of a pack stands in its file, for diagnostics raised after loading. */
export interface PackLocations {
  file: string;
  /** Range of each source and fact, by id. */
  sources: ByIdLookup<Range>;
  facts: ByIdLookup<Range>;
  /**
   * Range of a value by JSON pointer-like path, e.g. `/facts/3/citations/0/evidence`.
   * Only looked up, for problems found after loading: a pack parsed in a worker
   * sends it packed and it is unpacked on the first lookup (src/core/packs/packWire.ts).
   */
  paths: Pick<ReadonlyMap<string, Range>, 'get'>;
  /** Path of each fact and source by id, e.g. `/facts/3`: the key into `paths`. */
  pathsById: ByIdLookup<string>;
}
