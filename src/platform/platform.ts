// What differs between the extension hosts: the Node host of VS Code desktop
// and remote workspaces, and the web worker host of VS Code for the Web. Each
// entry point (src/extension.node.ts, src/extension.browser.ts) passes its own;
// everything else is shared and uses no Node API.

import type * as vscode from 'vscode';
import type { ParseReply, ParseRequest } from '../packs/worker/parseRequest';
import type { Sha256 } from '../core/packs/packCache';
import type { ReadAscii } from '../core/packs/asciiJson';

/** A thread that parses writers' packs, started from the bundled worker code. */
export interface PackThread {
  /** Sends a request; the buffers in `transfer` are moved to the thread, not copied. */
  post(request: ParseRequest, transfer?: ArrayBuffer[]): void;
  terminate(): void;
}

export interface PackThreadEvents {
  message(reply: ParseReply): void;
  /**
   * The thread could not start, failed or exited; `outOfMemory` where it was stopped for using more memory than
   * it may (`PARSE_THREAD_MEMORY_MB`, Node): what it was parsing is then not tried again in the host's thread.
   */
  failed(outOfMemory?: boolean): void;
}

/** Starts a thread running `code`; throws where no thread can be made (packs are then parsed in the host's own thread). */
export type StartPackThread = (code: string, events: PackThreadEvents) => PackThread;

export interface Platform {
  /** Which extension host this build is for. */
  readonly host: 'node' | 'web';
  readonly startPackThread: StartPackThread;
  /** Reads a file the extension ships, by its path inside the extension's folder (`dist/pack.json`). */
  readonly readExtensionFile: (context: vscode.ExtensionContext, relativePath: string) => Promise<Uint8Array>;
  /**
   * How many processors the machine has, asked when the first pack thread starts. The Node host asks Node:
   * VS Code's Node extension host reports any use of `navigator` as an error in its log.
   */
  readonly processors: () => number;
  /** A SHA-256 that reads what it is given where it lies (Node's), for the cache of parsed packs; Web Crypto's otherwise. */
  readonly sha256?: () => Sha256;
  /**
   * Bytes that are all ASCII made text at once (Node's Buffer, some thirty
   * times quicker there than TextDecoder): the JSON of parsed packs, read back
   * from the parsing threads and the cache, is written so.
   */
  readonly readAscii?: ReadAscii;
}
