/** Exit codes: no finding at or above the threshold, findings, a usage error or a pack that does not load. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** A problem that stops the command: its message is printed as it is, and the command exits with 2. */
export class CliError extends Error {}
