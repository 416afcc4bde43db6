// The bundled fact pack: checked and compiled from data/*.yaml at build time
// (esbuild.js) into dist/pack.json, one file that the .vsix carries for both
// extension hosts. It is read after activate() returns, so activation does not
// wait for it; hovers, completions and the check use it from the moment it is in
// the store (the API's `packsReady` resolves then).

import * as vscode from 'vscode';
import { bundledLoadedPack, type FactStore } from '../core/facts/factStore';
import type { Pack } from '../core/types';
import type { Log } from '../workbench/log';
import type { Platform } from '../platform/platform';

/** Where the build writes the compiled pack, inside the extension's folder. */
export const BUNDLED_PACK_FILE = 'dist/pack.json';

/**
 * Reads the compiled pack and puts it in the store; resolves when the store
 * holds it. A missing or damaged file (a broken installation) is reported in
 * the log and a message, naming the file; writers' packs still load.
 */
export async function loadBundledPack(context: vscode.ExtensionContext, platform: Platform, store: FactStore, log: Log): Promise<void> {
  let pack: Pack;
  try {
    pack = parseBundledPack(new TextDecoder('utf-8').decode(await platform.readExtensionFile(context, BUNDLED_PACK_FILE)));
  } catch (e) {
    const message = vscode.l10n.t(
      'Agreement Cite: the bundled fact pack ({0} in the extension’s folder) could not be read ({1}). Only writers’ packs are in use; reinstalling the extension restores it.',
      BUNDLED_PACK_FILE,
      e instanceof Error ? e.message : String(e),
    );
    log.warn(message);
    void vscode.window.showErrorMessage(message);
    return;
  }
  await store.setBundled(bundledLoadedPack(pack));
}

/** The pack as the build wrote it; anything else (a truncated or foreign file) is refused, not half used. */
export function parseBundledPack(text: string): Pack {
  const value = JSON.parse(text) as Partial<Pack> | null;
  if (!value || typeof value !== 'object' || typeof value.meta !== 'object' || !Array.isArray(value.sources) || !Array.isArray(value.facts)) {
    throw new Error('not a compiled fact pack');
  }
  return value as Pack;
}
