import type { HttpRequest, HttpResponse } from '../http/types.js';
import { ServiceError, displayPath, serverMessage } from '../http/errors.js';

export type LoginKind = 'token' | 'password';

/** What to do about each failure SQLE/DMS can answer, as a message a user can act on. */
export function sqleHttpError(req: HttpRequest, res: HttpResponse, login: LoginKind, project: string): ServiceError {
  const said = serverMessage(res.text);
  const service = req.path.startsWith('/v1/dms') ? 'DMS' : 'SQLE';
  const hint = hintFor(res.status, said, login, project);
  return new ServiceError(service, req.method, displayPath(req), res.status, said, undefined, hint, res.attempts);
}

function hintFor(status: number, said: string, login: LoginKind, project: string): string | undefined {
  const tokenSource = login === 'token' ? 'the "sqle-token" input' : 'the token from logging in';
  if (status === 401) {
    if (said.includes('can not find dms-token') || said.includes('missing or malformed jwt')) {
      return `SQLE received no usable token; check that ${tokenSource} is not empty`;
    }
    if (said.includes('access token is not latest')) {
      return 'This access token was replaced: SQLE accepts only the newest access token of a user. Put the newest token in the sqle-token secret (or stop generating new ones elsewhere)';
    }
    if (said.includes('login type is error')) {
      return 'This token is not an access token; generate one in SQLE (account page, or POST /v1/dms/users/gen_token) for sqle-token';
    }
    if (said.includes('invalid or expired jwt')) {
      return login === 'token'
        ? 'The sqle-token is expired, revoked or from another SQLE server; generate a new access token and update the secret'
        : 'The login token was refused even after logging in again; check that sqle-url points at the DMS gateway that issued it';
    }
    return `Authentication failed; check ${tokenSource}`;
  }
  if (status === 403) {
    return `The SQLE user may not use project "${project}"; ask a project admin to add the user as a member (or check sqle-project)`;
  }
  if (status === 404) return 'No such route: is sqle-url the DMS gateway of SQLE 3.x/4.x (e.g. https://host:10000), without a path?';
  if (status === 502 && said.includes('could not forward')) return 'DMS is up but SQLE behind it is not answering; check the SQLE service';
  if (status >= 500) return 'The SQLE server failed; try again later or check its logs';
  return undefined;
}

/** A 200 reply with a non-zero code: the message says what it means for the user. */
export function sqleCodeError(req: HttpRequest, code: number, message: string, project: string): ServiceError {
  const service = req.path.startsWith('/v1/dms') ? 'DMS' : 'SQLE';
  return new ServiceError(service, req.method, displayPath(req), 200, message, code, codeHint(code, message, project));
}

function codeHint(code: number, message: string, project: string): string | undefined {
  if (message.includes('password not match')) return 'Wrong SQLE password: check the sqle-password secret';
  if (message.includes('login type is unsupported') || message.includes('not exist or can not login')) {
    return 'This SQLE user does not exist or may not log in: check sqle-username';
  }
  if (/project .* not found/.test(message)) return `SQLE has no project "${project}": check the sqle-project input (the project name, case-sensitive)`;
  if (message.includes('project is archived')) return `SQLE project "${project}" is archived; unarchive it or use another project`;
  if (code === 4005) return 'The SQLE user is disabled; ask an admin to enable it';
  if (message.includes('plugin not found')) return 'SQLE has no audit plugin for this db-type; it is case-sensitive (e.g. MySQL) and non-MySQL types need their plugin installed';
  if (message.includes('rule template') && message.includes('not exist')) return 'Check the rule-template input: the template must exist in the project or globally';
  if (message.includes('instance is not exist')) return 'Check instance-name: the data source must exist in the project and the user must have access to it';
  if (message.includes("can't be bigger than 10M")) return 'The upload was larger than SQLE accepts (10 MiB)';
  if (message.includes('too many placeholders')) return 'SQLE cannot store more than 3,120 statements in one audit record';
  return undefined;
}
