import type { Severity } from '../core/types';
import type { FileReport, Reporter, Summary } from './report';

type Write = (text: string) => void;

/** Colour on a terminal only, never with NO_COLOR set (no-color.org); FORCE_COLOR asks for it anywhere. */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4, green: 32 } as const;
type Style = keyof typeof CODES;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The readable default: each file's findings under its name, one a line as
 * `file:line:col  severity  code  message` (terminals and editors open the
 * location when clicked), printed as each file is checked; a count at the end.
 */
export class TextReporter implements Reporter {
  /** `nouns` name what is counted: findings in files, or problems in packs. */
  constructor(
    private readonly write: Write,
    private readonly colour: boolean,
    private readonly nouns = { item: 'finding', file: 'file' },
  ) {}

  private paint(style: Style, text: string): string {
    return this.colour ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text;
  }

  file(report: FileReport): void {
    if (report.items.length === 0 && !report.notChecked) return;
    const lines = [this.paint('underline', report.display)];
    if (report.notChecked)
      lines.push(`  ${report.display}  ${this.paint('red', 'error')}  ${this.paint('dim', report.notChecked.code)}  ${report.notChecked.message}`);
    for (const i of report.items) {
      const at = `${report.display}:${i.range.start.line + 1}:${i.range.start.character + 1}`;
      lines.push(`  ${at}  ${this.paint(SEVERITY_STYLE[i.severity], i.severity)}  ${this.paint('dim', i.code)}  ${i.message}`);
    }
    this.write(`${lines.join('\n')}\n\n`);
  }

  end(summary: Summary): void {
    const { error, warning, info } = summary.counts;
    const total = error + warning + info;
    const parts = [error && plural(error, 'error'), warning && plural(warning, 'warning'), info && `${info} info`].filter(Boolean);
    const checked = summary.files - summary.notChecked;
    const notChecked = summary.notChecked > 0 ? `; ${this.paint('red', `${plural(summary.notChecked, 'file')} not checked`)}` : '';
    const { item, file } = this.nouns;
    if (total === 0) this.write(`${this.paint('green', '✔')} No ${item}s in ${plural(checked, file)}${notChecked}.\n`);
    else this.write(`${this.paint('bold', `✖ ${plural(total, item)}`)} (${parts.join(', ')}) in ${plural(checked, file)} checked${notChecked}.\n`);
  }
}

/** `%`, line breaks (and in properties `:` and `,`) escaped as the workflow command format asks. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands (`::warning file=…,line=…,col=…::message`): annotations on the pull request's lines. */
export class GithubReporter implements Reporter {
  constructor(private readonly write: Write) {}

  file(report: FileReport): void {
    const file = escapeProperty(report.display);
    if (report.notChecked)
      this.write(`::error file=${file},title=${escapeProperty(`Agreement Cite (${report.notChecked.code})`)}::${escapeData(report.notChecked.message)}\n`);
    for (const i of report.items) {
      const { start, end } = i.range;
      this.write(
        `::${GITHUB_LEVEL[i.severity]} file=${file},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1},title=${escapeProperty(`Agreement Cite (${i.code})`)}::${escapeData(i.message)}\n`,
      );
    }
  }

  end(summary: Summary): void {
    const { error, warning, info } = summary.counts;
    this.write(
      `Agreement Cite: ${plural(error + warning + info, 'finding')} in ${plural(summary.files - summary.notChecked, 'file')} checked${summary.notChecked ? `, ${summary.notChecked} not checked` : ''}.\n`,
    );
  }
}
