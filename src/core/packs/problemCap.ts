import * as l10n from '@vscode/l10n';
import type { Problem } from '../types';

/** The most problems one file shows; past it, one last problem says how many more there are. */
export const MAX_PROBLEMS_SHOWN = 200;

/** The count in a "…and N more problems", in whichever language it was written. */
const MORE = /(\d+)/;

/**
 * A file's problems as a writer is shown them: at most `MAX_PROBLEMS_SHOWN`,
 * then one "…and N more problems" at the last one shown. A "…and N more"
 * already in the list (the loader's own cap) is counted into the new one.
 */
export function capProblems(file: string, problems: readonly Problem[], max = MAX_PROBLEMS_SHOWN): Problem[] {
  const notes = problems.filter((p) => p.code === 'too-many-problems');
  if (problems.length - notes.length <= max) return [...problems];
  const rest = problems.filter((p) => p.code !== 'too-many-problems');
  const shown = rest.slice(0, max);
  const earlier = notes.reduce((n, p) => n + Number(MORE.exec(p.message)?.[1] ?? 0), 0);
  const dropped = rest.length - shown.length + earlier;
  const start = shown[shown.length - 1]?.range.start ?? { line: 0, character: 0 };
  return [
    ...shown,
    {
      file,
      range: { start, end: start },
      code: 'too-many-problems',
      severity: 'error',
      message: l10n.t('…and {0} more problems; fix the ones above first.', dropped),
    },
  ];
}
