/** Command ids, shared by the commands, the hover links and package.json. */
export const COMMANDS = {
  insertCitation: 'agreementCite.insertCitation',
  copyCitation: 'agreementCite.copyCitation',
  openSource: 'agreementCite.openSource',
  newPack: 'agreementCite.newPack',
  showLog: 'agreementCite.showLog',
  addDefinitions: 'agreementCite.addDefinitions',
  checkDocument: 'agreementCite.checkDocument',
} as const;

/** A `command:` link with JSON arguments, as hover cards carry them. */
export function commandLink(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
