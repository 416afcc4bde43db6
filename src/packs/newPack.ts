import * as vscode from 'vscode';
import { packFileName } from '../core/packs/packName';

/** A commented starting point for a writer's pack: valid as it stands, with every field explained. */
export const PACK_TEMPLATE = `# A fact pack for Agreement Cite. Its facts appear in hover cards, completions
# and Insert Citation as soon as this file is saved. The format is described in
# the extension's README; the YAML extension completes and checks it.
pack:
  id: my-pack              # lowercase letters, digits, ".", "_" and "-"
  title: My team's facts
  version: 0.1.0
  language: en
  checked: 2025-07-01      # the day these facts were last checked: a role with no end holds only as of this day

sources:
  # Every fact cites at least one source by its id. Two citations from
  # different publishers, or one official record, make a fact "confirmed".
  - id: my-source
    title: Title of the article, record or interview
    publisher: Who published it
    date: 2025-06-23       # YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known
    url: https://example.org/article
    kind: outlet           # wire, outlet, parliament, official-record, government, encyclopedia, social-media, other
    language: en
    # textFile: my-source.txt   # a local copy of the text: excerpts below are checked against it verbatim

facts:
  - id: my-pack.example
    kind: term             # person, role, event, place, organisation, agreement, provision, figure, term, quote
    label: Example term
    text: The words inserted into a draft, in your own words.
    aliases: [example term, another spelling]   # what a writer types or hovers
    citations:
      - source: my-source
        evidence: "A short excerpt, copied exactly"
        locator: paragraph 2
`;

/** Creates `.factpacks/<name>.yaml` in the first workspace folder from the template and opens it. */
export async function createPack(name?: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Agreement Cite: open a folder to keep a fact pack in it.'));
    return undefined;
  }
  const chosen =
    name ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Fact Pack'),
      prompt: vscode.l10n.t('File name in .factpacks/'),
      value: 'my-pack',
      validateInput: (v) => ('refused' in packFileName(v) ? vscode.l10n.t('Letters, digits, ".", "_" and "-" only') : undefined),
    }));
  if (!chosen) return undefined;
  // A name passed by a command's arguments is checked as strictly as one typed in the box.
  const named = packFileName(chosen);
  if ('refused' in named) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Agreement Cite: no pack was created: {0}.', named.refused));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, '.factpacks', named.file);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showWarningMessage(vscode.l10n.t('Agreement Cite: {0} already exists.', vscode.workspace.asRelativePath(uri)));
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(PACK_TEMPLATE));
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}
