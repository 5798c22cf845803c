import type { HttpService } from '../http/types.js';
import type { Log } from '../log.js';
import type { SqleSettings } from '../settings/types.js';
import { checkTokenTimes } from './jwt.js';
import { loginReply } from './schemas.js';
import { acceptReply } from './reply.js';

/** The token every SQLE call carries; with password login it can be renewed once a run. */
export interface SqleSession {
  readonly kind: 'token' | 'password';
  token(): string;
  /** Logs in again after `refused` got a 401; false when that is not possible (token login, or already renewed). */
  renew(refused: string): Promise<boolean>;
}

export class SqleAuthError extends Error {
  override name = 'SqleAuthError';
}

export async function openSession(dms: HttpService, settings: SqleSettings, log: Log, mask: (s: string) => void): Promise<SqleSession> {
  if (settings.token) {
    const verdict = checkTokenTimes(settings.token, 'The sqle-token');
    if (!verdict.ok) throw new SqleAuthError(`${verdict.problem}. Generate a new SQLE access token and update the secret.`);
    if (verdict.expiresSoon && verdict.expiresAt) log.warning(`The sqle-token expires at ${verdict.expiresAt.toISOString()}; generate a new access token soon.`);
    const token = settings.token;
    return { kind: 'token', token: () => token, renew: async () => false };
  }
  const username = settings.username ?? '';
  const password = settings.password ?? '';
  let current = await login(dms, username, password, settings.project, mask);
  let renewal: Promise<void> | undefined;
  let renewedFrom: string | undefined;
  return {
    kind: 'password',
    token: () => current,
    renew: async (refused) => {
      // Calls refused with the same token share one fresh login; there is only one per run.
      if (renewal) return refused === renewedFrom ? renewal.then(() => true) : false;
      renewedFrom = refused;
      log.info('SQLE refused the login token in the middle of the run; logging in again once.');
      renewal = login(dms, username, password, settings.project, mask).then((token) => {
        current = token;
      });
      await renewal;
      return true;
    },
  };
}

async function login(dms: HttpService, username: string, password: string, project: string, mask: (s: string) => void): Promise<string> {
  // Safe to repeat: a second login only issues another token.
  const req = { method: 'POST' as const, path: '/v1/dms/sessions', json: { session: { username, password } }, idempotent: true };
  const res = await dms.request(req);
  const { data } = acceptReply(req, res, loginReply, { login: 'password', project });
  mask(data.token);
  const verdict = checkTokenTimes(data.token, 'The token DMS issued at login');
  if (!verdict.ok) throw new SqleAuthError(`${verdict.problem}; check the clock of the runner and of the SQLE server.`);
  return data.token;
}
