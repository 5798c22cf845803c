// What the DLI and IAM doubles share.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { sendJson } from '../http-double.js';
import type { Catalog } from './catalog.js';
import type { AkSkGateway, GatewayCredential } from './gateway-auth.js';
import type { DoubleJob, JobScript } from './jobs.js';

export interface IamUser {
  domain: string;
  name: string;
  password: string;
}

export interface IssuedToken {
  token: string;
  projectId: string;
  user: string;
  expiresAt: number;
}

export interface DliDoubleState {
  projectId: string;
  region: string;
  credentials: GatewayCredential[];
  users: IamUser[];
  queues: string[];
  scripts: JobScript[];
  jobs: DoubleJob[];
  catalog: Catalog;
  tokens: Map<string, IssuedToken>;
  /** Lifetime of issued tokens (negative: already expired when issued). */
  tokenTtlMs: number;
  /** The servers' clock minus the real one. */
  clockOffsetMs: number;
  gateway: AkSkGateway;
}

export function serverNow(state: Pick<DliDoubleState, 'clockOffsetMs'>): number {
  return Date.now() + state.clockOffsetMs;
}

/** Every answer carries an X-Request-Id, like the real services. */
export function reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJson(res, status, body, { 'X-Request-Id': randomBytes(16).toString('hex'), ...headers });
}

export function dliError(res: http.ServerResponse, status: number, code: string, message: string): void {
  reply(res, status, { error_code: code, error_msg: message });
}

export function gatewayError(res: http.ServerResponse, message: string): void {
  reply(res, 401, { error_code: 'APIGW.0301', error_msg: message, request_id: randomBytes(16).toString('hex') });
}
