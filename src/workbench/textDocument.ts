// What the providers read of a document and of the settings, as narrow interfaces free of `vscode`:
// VS Code's TextDocument satisfies TextDocumentLike as it is, and test/unit has in-memory doubles of both,
// so that what a provider computes is tested in plain Node.
import type { CheckSettings, Settings } from '../core/settings';

/** A zero-based line and character (UTF-16 code units), as VS Code's Position has them. */
export interface DocumentPosition {
  readonly line: number;
  readonly character: number;
}

/** The part of a document the providers read. */
export interface TextDocumentLike {
  readonly uri: { readonly scheme: string; toString(): string };
  readonly languageId: string;
  /** Goes up with every change of the text. */
  readonly version: number;
  readonly isClosed: boolean;
  getText(): string;
  /** Only for a position the editor or this document gave: VS Code's refuses any object that is not its own Position. */
  offsetAt(position: DocumentPosition): number;
  positionAt(offset: number): DocumentPosition;
  /** A line's text, without its line break. */
  lineAt(line: number): { readonly text: string };
}

/** The writer's settings as they apply to one document (the workspace's in the editor, a double in tests). */
export interface SettingsSource {
  /** `agreementCite.citationStyle`, `dateLocale`, `preferredSpellings`, `language`. */
  settings(document: TextDocumentLike): Settings;
  /** `agreementCite.check.*`. */
  checkSettings(document: TextDocumentLike): CheckSettings;
}

/** A span of a document's text by offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** The languages Agreement Cite works in; each maps to a citation format. */
export const SUPPORTED_LANGUAGES = ['markdown', 'latex', 'tex', 'plaintext', 'asciidoc', 'restructuredtext', 'html'] as const;

export function isSupported(document: { readonly languageId: string }): boolean {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(document.languageId);
}
