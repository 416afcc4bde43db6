import * as l10n from '@vscode/l10n';
/**
 * The file name New Fact Pack gives a pack in `.factpacks/`, or why a name is
 * refused. The name may come from a command's arguments as well as from the
 * input box, so nothing in it may reach another folder: letters, digits, ".",
 * "_" and "-" only, no ".." and no path separators.
 */
export function packFileName(name: string): { file: string } | { refused: string } {
  const base = name.trim().replace(/\.ya?ml$/i, '');
  if (base.length === 0) return { refused: l10n.t('a pack needs a file name') };
  if (base.length > 100) return { refused: l10n.t('a pack file name has at most 100 characters') };
  if (/[\\/:]/.test(base) || base.includes('..')) return { refused: l10n.t('a pack file name is a name, not a path: no "/", "\\", ":" or ".."') };
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(base)) return { refused: l10n.t('letters, digits, ".", "_" and "-" only, starting with a letter or digit') };
  return { file: `${base}.yaml` };
}
