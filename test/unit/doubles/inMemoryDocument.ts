// A document held in memory that behaves as VS Code's TextDocument does where the providers read it:
// offsets and positions over LF and CRLF, lines without their breaks, a version that goes up with each edit.
import type { DocumentPosition, TextDocumentLike } from '../../../src/workbench/textDocument';

export interface OffsetEdit {
  offset: number;
  length: number;
  text: string;
}

/**
 * Positions this double made: VS Code's offsetAt refuses any object that is not
 * its own Position ("Invalid argument"), so this one refuses positions made
 * elsewhere too; a test makes one with `position(line, character)`.
 */
const made = new WeakSet<DocumentPosition>();

function madePosition(line: number, character: number): DocumentPosition {
  const p = { line, character };
  made.add(p);
  return p;
}

export class InMemoryDocument implements TextDocumentLike {
  readonly uri: { readonly scheme: string; toString(): string };
  private _version = 1;
  private _closed = false;
  private text: string;
  /** Where each line starts, and where its text ends (before `\r\n` or `\n`). */
  private lines: { start: number; end: number }[] = [];

  constructor(
    text: string,
    readonly languageId = 'markdown',
    uri = 'untitled:Untitled-1',
  ) {
    const scheme = uri.slice(0, uri.indexOf(':'));
    this.uri = { scheme, toString: () => uri };
    this.text = text;
    this.index();
  }

  get version(): number {
    return this._version;
  }

  get isClosed(): boolean {
    return this._closed;
  }

  getText(): string {
    return this.text;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  lineAt(line: number): { readonly text: string } {
    const l = this.lines[line];
    if (!l) throw new RangeError(`Illegal value for line: ${line} (the document has ${this.lines.length} lines)`);
    return { text: this.text.slice(l.start, l.end) };
  }

  /** A position, as `new vscode.Position(line, character)` makes one. */
  position(line: number, character: number): DocumentPosition {
    return madePosition(line, character);
  }

  /** VS Code's clamping: a line past the end is the last line, a character past a line's text its end. */
  offsetAt(position: DocumentPosition): number {
    if (!made.has(position)) throw new Error('Invalid argument: a position not made by the editor');
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const l = this.lines[position.line];
    return l.start + Math.min(Math.max(0, position.character), l.end - l.start);
  }

  /** An offset inside a line break is the end of that line's text, as in VS Code. */
  positionAt(offset: number): DocumentPosition {
    const at = Math.min(Math.max(0, Math.floor(offset)), this.text.length);
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    const l = this.lines[lo];
    return madePosition(lo, Math.min(at, l.end) - l.start);
  }

  /** Applies edits given against the current text (as an editor applies one edit of several ranges), and bumps the version. */
  edit(edits: readonly OffsetEdit[]): this {
    const sorted = [...edits].sort((a, b) => b.offset - a.offset);
    for (const e of sorted) this.text = this.text.slice(0, e.offset) + e.text + this.text.slice(e.offset + e.length);
    this._version++;
    this.index();
    return this;
  }

  close(): void {
    this._closed = true;
  }

  private index(): void {
    this.lines = [];
    const breaks = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = breaks.exec(this.text); m; m = breaks.exec(this.text)) {
      this.lines.push({ start, end: m.index });
      start = m.index + m[0].length;
    }
    this.lines.push({ start, end: this.text.length });
  }
}

/** The offset of the first `needle` in a document's text, plus `into`; fails when it is absent. */
export function offsetOf(document: TextDocumentLike, needle: string, into = 0): number {
  const at = document.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the document`);
  return at + into;
}
