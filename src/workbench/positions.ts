// Where core values and VS Code's meet: offsets and line/character ranges, core problems and findings as diagnostics.
import * as vscode from 'vscode';
import type { Problem, Severity } from '../core/types';

/** The name diagnostics carry, so that quick fixes know their own. */
export const DIAGNOSTIC_SOURCE = 'Agreement Cite';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A core range (lines and characters) as VS Code's. */
export function toRange(range: Problem['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Offsets [start, end) of a document's text as a range of it. */
export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** A core problem, or a finding placed in a document, as a VS Code diagnostic: the one place where the two types meet. */
export function toDiagnostic(problem: { range: Problem['range'] | vscode.Range; message: string; severity: Severity; code: string }): vscode.Diagnostic {
  const range = problem.range instanceof vscode.Range ? problem.range : toRange(problem.range);
  const d = new vscode.Diagnostic(range, problem.message, SEVERITY[problem.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = problem.code;
  return d;
}

/** A core edit (offset, length, text) as VS Code's. */
export function toTextEdit(document: vscode.TextDocument, edit: { offset: number; length: number; text: string }): vscode.TextEdit {
  return vscode.TextEdit.replace(rangeOf(document, { start: edit.offset, end: edit.offset + edit.length }), edit.text);
}
