// IAM: password login issuing project-scoped tokens (POST /v3/auth/tokens).
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { DoubleRequest } from '../http-double.js';
import { reply, serverNow, type DliDoubleState } from './state.js';

interface PasswordAuthBody {
  auth?: {
    identity?: { methods?: unknown; password?: { user?: { name?: unknown; password?: unknown; domain?: { name?: unknown } } } };
    scope?: { project?: { name?: unknown; id?: unknown } };
  };
}

export function iamHandler(state: DliDoubleState) {
  return (req: DoubleRequest, res: http.ServerResponse): void => {
    if (req.method !== 'POST' || req.path !== '/v3/auth/tokens') return keystoneError(res, 404, 'The resource could not be found.');
    let body: PasswordAuthBody;
    try {
      body = JSON.parse(req.body.toString('utf8')) as PasswordAuthBody;
    } catch {
      return keystoneError(res, 400, 'The request body is not valid JSON.');
    }
    const identity = body.auth?.identity;
    const user = identity?.password?.user;
    if (!Array.isArray(identity?.methods) || !identity.methods.includes('password') || !user) {
      return keystoneError(res, 400, 'Expecting to find identity.password.user in auth.');
    }
    const known = state.users.find((u) => u.domain === user.domain?.name && u.name === user.name && u.password === user.password);
    if (!known) return keystoneError(res, 401, 'The username or password is wrong.');
    const project = body.auth?.scope?.project;
    if (!project || (project.name !== state.region && project.id !== state.projectId)) {
      return keystoneError(res, 400, 'Project scope is required and must name a project of this region.');
    }
    const now = serverNow(state);
    const issued = { token: `MIIT${randomBytes(48).toString('base64url')}`, projectId: state.projectId, user: known.name, expiresAt: now + state.tokenTtlMs };
    state.tokens.set(issued.token, issued);
    const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '000Z');
    reply(
      res,
      201,
      {
        token: {
          methods: ['password'],
          expires_at: iso(issued.expiresAt),
          issued_at: iso(now),
          project: { id: state.projectId, name: state.region, domain: { id: 'd0000000000000000000000000000000', name: known.domain } },
          user: { id: 'u0000000000000000000000000000000', name: known.name, domain: { id: 'd0000000000000000000000000000000', name: known.domain } },
          roles: [{ id: '0', name: 'op_service' }],
        },
      },
      { 'X-Subject-Token': issued.token },
    );
  };
}

function keystoneError(res: http.ServerResponse, code: number, message: string): void {
  const title = code === 401 ? 'Unauthorized' : code === 404 ? 'Not Found' : 'Bad Request';
  reply(res, code, { error: { code, message, title } });
}
