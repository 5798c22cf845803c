/** What pure modules may say; main.ts passes an @actions/core-backed one, tests a recording one. */
export interface Log {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

export const silentLog: Log = { debug() {}, info() {}, notice() {}, warning() {} };
