// User settings for a VS Code opened by a script: the demo (`npm start`) and
// the test window share the quiet ones.

/** No start page, tips, telemetry, update checks, AI features or secondary side bar. */
export const QUIET_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
});

/** A deterministic test window; with `web`, the extension is kept out of the remote (Node) extension host. */
export function testWindowSettings({ web, extensionId }) {
  return {
    ...QUIET_SETTINGS,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    // Restricted runs: open the folder untrusted without the modal "Do you
    // trust the authors?" dialog (trustDialog.mjs also answers it if it shows).
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
    // --web: the extension runs in the browser's web worker extension host. A
    // development extension that the server loads would otherwise be preferred
    // in the remote host: as 'ui' (what a writer's setting for an installed
    // extension says) it still goes there, as 'web' it does not. (The payload's
    // extensionDevelopmentKind is not read by this browser workbench.)
    ...(web ? { 'remote.extensionKind': { [extensionId]: ['web'] } } : {}),
  };
}
