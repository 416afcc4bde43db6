import * as vscode from 'vscode';
import { definitionEdit, type CitationParts } from '../core/references/citation';

/** Footnote definitions a citation needs, as edits at the end of the document. */
export function definitionEdits(document: vscode.TextDocument, definitions: CitationParts['definitions'], text = document.getText()): vscode.TextEdit[] {
  const edit = definitionEdit(text, definitions);
  if (!edit) return [];
  const at = document.positionAt(edit.offset);
  return [vscode.TextEdit.replace(new vscode.Range(at, document.positionAt(edit.offset + edit.length)), edit.text)];
}
