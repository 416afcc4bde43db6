import * as vscode from 'vscode';

/**
 * The extension's output channel ("Agreement Cite"), made when first written
 * to or shown: activation does not wait for it.
 */
export class Log implements vscode.Disposable {
  private made: vscode.LogOutputChannel | undefined;

  private get channel(): vscode.LogOutputChannel {
    return (this.made ??= vscode.window.createOutputChannel('Agreement Cite', { log: true }));
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  show(): void {
    this.channel.show();
  }

  dispose(): void {
    this.made?.dispose();
  }
}
