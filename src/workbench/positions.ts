import * as vscode from 'vscode';
import type { Problem, Severity } from '../core/types';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A core problem as a VS Code diagnostic: the one place where the two types meet. */
export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const { start, end } = problem.range;
  const d = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), problem.message, SEVERITY[problem.severity]);
  d.source = 'Agreement Cite';
  d.code = problem.code;
  return d;
}
