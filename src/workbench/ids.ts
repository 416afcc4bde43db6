// Every command and view id the extension declares in package.json, in one place.

/** Command ids, shared by the commands, the hover links and package.json. */
export const COMMANDS = {
  insertCitation: 'agreementCite.insertCitation',
  copyCitation: 'agreementCite.copyCitation',
  openSource: 'agreementCite.openSource',
  newPack: 'agreementCite.newPack',
  showLog: 'agreementCite.showLog',
  addDefinitions: 'agreementCite.addDefinitions',
  checkDocument: 'agreementCite.checkDocument',
  insertSourcesSection: 'agreementCite.insertSourcesSection',
  exportSources: 'agreementCite.exportSources',
  /** Insert Citation from a row of the facts view. */
  insertFromFactsView: 'agreementCite.factsView.insert',
} as const;

/** View ids, as package.json declares them. */
export const VIEWS = {
  facts: 'agreementCite.facts',
} as const;

/**
 * The only commands a hover card may run: each takes a fact or source id and
 * does nothing but say so when no fact or source has it. Commands that write
 * files or take other arguments (New Fact Pack) are never run from a card.
 */
export const CARD_COMMANDS: readonly string[] = [COMMANDS.insertCitation, COMMANDS.copyCitation, COMMANDS.openSource];

/** A `command:` link with JSON arguments, as hover cards carry them. */
export function commandLink(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
