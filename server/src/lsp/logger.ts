import type { Connection } from 'vscode-languageserver/node';

/**
 * Two tiers of logging: `info` and `error` lines a user may need are always written; `debug`
 * lines (timings, dropped results) only when `presend.trace.server` is not off. Each line
 * names the document it is about.
 */
export class Logger {
  verbose = false;

  constructor(private readonly connection: Connection) {}

  info(message: string): void {
    this.connection.console.info(message);
  }

  error(message: string): void {
    this.connection.console.error(message);
  }

  debug(message: string): void {
    if (this.verbose) {
      this.connection.console.log(message);
    }
  }
}
