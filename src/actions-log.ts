import * as core from '@actions/core';
import type { Log } from './log.js';

/** The Log that writes to the runner through @actions/core. */
export const actionsLog: Log = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  notice: (m) => core.notice(m),
  warning: (m) => core.warning(m),
};
