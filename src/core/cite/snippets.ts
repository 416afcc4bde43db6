import {
  citationEdits,
  citedSources,
  formatCitation,
  insertionText,
  withCitation,
  type CitationParts,
  type DocFormat,
  type DocumentText,
  type InsertOptions,
} from '../references/citation';
import { formatDate, type DateStyle } from '../document/dates';
import type { FactIndex, IndexedFact } from '../facts/factIndex';

/** Verbs of attribution offered at a quote's first tab stop. */
export const ATTRIBUTION_VERBS = ['said', 'stated', 'told reporters', 'wrote', 'added'];

/** Escapes text for VS Code snippet syntax, where `$`, `}` and `\` are special. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

const VERB_MARK = '\u0000VERB\u0000';
/** The first tab stop of a quote: made once, not once per item of a completion list. */
const VERB_CHOICE = `\${1|${ATTRIBUTION_VERBS.map((v) => v.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;

export interface FactSnippet {
  /** Snippet syntax: tab stops where the writer chooses words, then the final cursor. */
  body: string;
  /** Footnote definitions to add at the end of the document. */
  definitions: CitationParts['definitions'];
}

/**
 * A fact as a snippet: its words and citation, with the attribution verb of a
 * quote as a choice at the first tab stop.
 */
export function factSnippet(entry: IndexedFact, index: FactIndex, options: InsertOptions, document: DocumentText = '', offset?: number): FactSnippet {
  const citation = formatCitation(
    citedSources(entry, index).map((s) => s.source),
    options,
    document,
  );
  const words = insertionText(entry, index, options, VERB_MARK);
  const body = escapeSnippet(withCitation(words, citation.inline)).replace(VERB_MARK, VERB_CHOICE) + '$0';
  // At the very end of the document the definitions follow in the snippet itself, after the final cursor.
  if (offset === (typeof document === 'string' ? document : document.text).length && citation.definitions.length > 0) {
    const [edit] = citationEdits(document, [{ offset, length: 0, text: '' }], citation.definitions);
    return { body: body + escapeSnippet(edit.text), definitions: [] };
  }
  return { body, definitions: citation.definitions };
}

export interface SnippetFileEntry {
  prefix: string;
  body: string | string[];
  description: string;
  /** VS Code's language ids, comma-separated, in a file contributed for no language in particular. */
  scope?: string;
}

/** The prefix a fact's contributed snippet answers to: `ac-` and its id. */
export function snippetPrefix(factId: string): string {
  return `ac-${factId.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * A `.code-snippets` file for one document format. Such snippets cannot add a
 * definition at the end of a document, so formats with separate footnote
 * definitions (Markdown, reStructuredText) use the inline parenthetical form;
 * LaTeX and AsciiDoc footnotes are self-contained.
 */
export function snippetFile(index: FactIndex, format: DocFormat, dateStyle: DateStyle): Record<string, SnippetFileEntry> {
  const style = format === 'latex' || format === 'asciidoc' ? 'auto' : 'inline';
  const out: Record<string, SnippetFileEntry> = {};
  // Each snippet is named by its fact's label, and by its id too where another fact has the same label.
  const labels = new Map<string, number>();
  for (const { fact } of index.facts) labels.set(fact.label, (labels.get(fact.label) ?? 0) + 1);
  for (const entry of index.facts) {
    const s = factSnippet(entry, index, { format, style, dateStyle });
    const when = entry.fact.date ? `, ${formatDate(entry.fact.date, dateStyle)}` : '';
    out[labels.get(entry.fact.label)! > 1 ? `${entry.fact.label} (${entry.fact.id})` : entry.fact.label] = {
      prefix: snippetPrefix(entry.fact.id),
      // One line as a string, as the format allows: six files of every fact, shipped in the package.
      body: s.body.includes('\n') ? s.body.split('\n') : s.body,
      description: `Agreement Cite: ${entry.fact.kind}${when}, ${entry.status}`,
    };
  }
  return out;
}

/** The VS Code languages each format's snippets are contributed for. */
export const SNIPPET_LANGUAGES: Record<DocFormat, readonly string[]> = {
  markdown: ['markdown'],
  latex: ['latex', 'tex'],
  asciidoc: ['asciidoc'],
  restructuredtext: ['restructuredtext'],
  html: ['html'],
  plaintext: ['plaintext'],
};

/** A snippet file as the package contributes it: for `languages`, or, without them, each snippet for its own `scope`. */
export interface SnippetFileOut {
  /** Its name in dist/snippets. */
  name: string;
  languages?: readonly string[];
  snippets: Record<string, SnippetFileEntry>;
}

/** The file of snippets several formats write alike. */
export const SHARED_SNIPPETS = 'facts.code-snippets';

/**
 * The formats' snippet files as shipped: a fact's snippet that most formats
 * write alike (Markdown, plain text and reStructuredText mostly do) is kept
 * once, in the shared file, scoped to their languages; each format's own file
 * keeps only the snippets it writes otherwise, under the same names. Every
 * language thus finds one snippet of each name, its format's.
 */
export function sharedSnippetFiles(byFormat: Partial<Record<DocFormat, Record<string, SnippetFileEntry>>>): SnippetFileOut[] {
  const formats = Object.keys(byFormat) as DocFormat[];
  const shared: Record<string, SnippetFileEntry> = {};
  const own = new Map<DocFormat, Record<string, SnippetFileEntry>>(formats.map((f) => [f, {}]));
  const names = new Set(formats.flatMap((f) => Object.keys(byFormat[f]!)));
  for (const name of names) {
    // The formats that write this snippet alike, the largest group first (the first format's on a tie).
    const groups = new Map<string, DocFormat[]>();
    for (const f of formats) {
      const entry = byFormat[f]![name];
      if (!entry) continue;
      const key = JSON.stringify(entry);
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const [widest] = [...groups.values()].sort((a, b) => b.length - a.length);
    shared[name] = { ...byFormat[widest[0]]![name], scope: widest.flatMap((f) => SNIPPET_LANGUAGES[f]).join(',') };
    for (const group of groups.values()) {
      if (group === widest) continue;
      for (const f of group) own.get(f)![name] = byFormat[f]![name];
    }
  }
  return [
    { name: SHARED_SNIPPETS, snippets: shared },
    ...formats.map((f) => ({ name: `${f}.code-snippets`, languages: SNIPPET_LANGUAGES[f], snippets: own.get(f)! })),
  ];
}
