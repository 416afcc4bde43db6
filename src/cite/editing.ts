import * as vscode from 'vscode';
import { definitionEdit, type CitationParts, type DocumentText } from '../core/references/citation';
import { modelOf } from '../workbench/documents';

/** Footnote definitions a citation needs, as edits at the end of the document. */
export function definitionEdits(document: vscode.TextDocument, definitions: CitationParts['definitions'], text: DocumentText = modelOf(document)): vscode.TextEdit[] {
  const edit = definitionEdit(text, definitions);
  if (!edit) return [];
  const at = document.positionAt(edit.offset);
  return [vscode.TextEdit.replace(new vscode.Range(at, document.positionAt(edit.offset + edit.length)), edit.text)];
}
