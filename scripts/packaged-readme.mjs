// The README as the .vsix carries it (the Marketplace page and the extension's
// details in VS Code): without the screenshots, which live in docs/ and are
// not packaged, and without the sections for the project's developers
// (performance, architecture, tests), which the repository's README keeps.
import fs from 'node:fs';

/** The packaged README from the repository's README text. */
export function packagedReadme(text) {
  return text.replace(/<!-- (screenshots|developers):[^]*?<!-- \/\1 -->\n?/g, '');
}

/** README.md of the project at `root`, as packaged. */
export function readPackagedReadme(root) {
  return packagedReadme(fs.readFileSync(`${root}/README.md`, 'utf8'));
}
