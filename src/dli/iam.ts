// IAM password login: a project-scoped user token for DLI (`X-Auth-Token`).
import { z } from 'zod';
import type { HttpService } from '../http/types.js';
import { apiError } from './errors.js';

export interface PasswordCredentials {
  username: string;
  password: string;
  /** Account (domain) name. */
  domain: string;
}

export interface IamToken {
  token: string;
  projectId: string;
  expiresAt: Date;
}

const tokenBody = z.object({
  token: z.object({
    expires_at: z.string(),
    project: z.object({ id: z.string().min(1) }).loose(),
  }).loose(),
});

/**
 * `POST /v3/auth/tokens` scoped to the project (by id when known, else by the region's project
 * name). The token's expiry is checked against the runner's clock.
 */
export async function iamPasswordLogin(
  iam: HttpService,
  cred: PasswordCredentials,
  scope: { region: string; projectId?: string },
  now: () => number = Date.now,
): Promise<IamToken> {
  const request = {
    method: 'POST' as const,
    path: '/v3/auth/tokens',
    // Logging in twice only issues another token: safe to repeat on a transient failure.
    idempotent: true,
    query: { nocatalog: 'true' },
    json: {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: cred.username, password: cred.password, domain: { name: cred.domain } } },
        },
        scope: { project: scope.projectId ? { id: scope.projectId } : { name: scope.region } },
      },
    },
  };
  const res = await iam.request(request);
  if (res.status !== 201) throw apiError('IAM', request, res, { authKind: 'password' });
  const token = res.headers['x-subject-token'];
  if (!token) throw new Error('IAM: POST /v3/auth/tokens answered HTTP 201 without an X-Subject-Token header: check iam-endpoint');
  const parsed = tokenBody.safeParse(safeJson(res.text));
  if (!parsed.success) throw new Error('IAM: POST /v3/auth/tokens answered HTTP 201 without a token body with expires_at and project.id: check iam-endpoint');
  const { expires_at: expiresText, project } = parsed.data.token;
  const expiresAt = new Date(expiresText);
  if (Number.isNaN(expiresAt.getTime())) throw new Error(`IAM: the token's expires_at "${expiresText}" is not a date`);
  if (expiresAt.getTime() <= now()) {
    throw new Error(
      `IAM: the token is not valid: it expires at ${expiresText}, and the runner's clock says ${new Date(now()).toISOString()}. Check the runner's clock`,
    );
  }
  if (scope.projectId && project.id !== scope.projectId) {
    throw new Error(`IAM: the token is scoped to project ${project.id}, not to dli-project-id ${scope.projectId}`);
  }
  return { token, projectId: project.id, expiresAt };
}

/** Caches a token and logs in again when it is within `marginMs` of its expiry. */
export function createTokenCache(login: () => Promise<IamToken>, now: () => number = Date.now, marginMs = 5 * 60_000): () => Promise<IamToken> {
  let current: Promise<IamToken> | undefined;
  return async () => {
    const cached = current ? await current.catch(() => undefined) : undefined;
    if (cached && cached.expiresAt.getTime() - marginMs > now()) return cached;
    current = login();
    return current;
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
