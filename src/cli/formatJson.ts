import { pathToFileURL } from 'node:url';
import { CHECK_CODES } from '../core/check/checker';
import type { Severity } from '../core/types';
import type { FileReport, Item, Reporter, Summary } from './report';

type Write = (text: string) => void;

/**
 * `--format json`: one document at the end. Ranges are zero-based with
 * UTF-16 columns, as the editor's Check Document command returns them;
 * `line` and `column` are the one-based start, as printed.
 */
export class JsonReporter implements Reporter {
  private readonly files: { path: string; findings: (Item & { line: number; column: number })[]; notChecked?: FileReport['notChecked'] }[] = [];

  constructor(
    private readonly write: Write,
    private readonly version: string,
  ) {}

  file(report: FileReport): void {
    this.files.push({
      path: report.display,
      findings: report.items.map((i) => ({ line: i.range.start.line + 1, column: i.range.start.character + 1, ...i })),
      ...(report.notChecked ? { notChecked: report.notChecked } : {}),
    });
  }

  end(summary: Summary): void {
    this.write(`${JSON.stringify({ tool: { name: 'agreement-cite', version: this.version }, files: this.files, summary }, null, 2)}\n`);
  }
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const RULES: Record<string, string> = {
  misquote: 'A quotation differs in words from the recorded wording of the speaker.',
  'rendering-as-words': 'An outlet’s rendering or translation is quoted as the speaker’s own words.',
  'wrong-event-date': 'A known event is given the wrong date.',
  'role-not-held': 'A person is given a role they did not hold at the date in question.',
  'inconsistent-spelling': 'One person’s name is spelled several ways in the document.',
  'unrecorded-quote': 'A known speaker is quoted at a recorded occasion in words none of the recorded wordings has.',
};

/**
 * `--format sarif`: a SARIF 2.1.0 log for code-scanning uploads, with one
 * rule per check, locations relative to `%SRCROOT%` (the working folder),
 * and every file that could not be checked as a tool notification.
 */
export class SarifReporter implements Reporter {
  private readonly results: unknown[] = [];
  private readonly notifications: unknown[] = [];

  constructor(
    private readonly write: Write,
    private readonly version: string,
    private readonly root: string,
    private readonly ruleIds: readonly string[] = CHECK_CODES,
  ) {}

  private location(display: string, item?: Item): unknown {
    const artifactLocation = /^(\/|[A-Za-z]:[\\/])/.test(display) ? { uri: pathToFileURL(display).href } : { uri: encodeURI(display), uriBaseId: '%SRCROOT%' };
    if (!item) return { physicalLocation: { artifactLocation } };
    const { start, end } = item.range;
    return {
      physicalLocation: {
        artifactLocation,
        region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
      },
    };
  }

  file(report: FileReport): void {
    if (report.notChecked) {
      this.notifications.push({
        level: 'error',
        descriptor: { id: report.notChecked.code },
        message: { text: `${report.display}: ${report.notChecked.message}` },
        locations: [this.location(report.display)],
      });
    }
    for (const i of report.items) {
      this.results.push({ ruleId: i.code, level: LEVEL[i.severity], message: { text: i.message }, locations: [this.location(report.display, i)] });
    }
  }

  end(summary: Summary): void {
    const ids = this.ruleIds;
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'Agreement Cite',
              semanticVersion: this.version,
              version: this.version,
              rules: ids.map((id) => ({ id, name: id, shortDescription: { text: RULES[id] ?? id } })),
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(this.root.endsWith('/') ? this.root : `${this.root}/`).href } },
          columnKind: 'utf16CodeUnits',
          invocations: [{ executionSuccessful: summary.notChecked === 0, toolExecutionNotifications: this.notifications }],
          results: this.results,
        },
      ],
    };
    this.write(`${JSON.stringify(log, null, 2)}\n`);
  }
}
