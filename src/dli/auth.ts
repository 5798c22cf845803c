// How DLI requests authenticate: AK/SK signing of each attempt, or an IAM user token.
import type { HttpService, PreparedRequest } from '../http/types.js';
import type { DliSettings } from '../settings/types.js';
import { createTokenCache, iamPasswordLogin, type IamToken } from './iam.js';
import { signRequest } from './signer.js';

export interface DliAuth {
  kind: 'aksk' | 'password';
  projectId: string;
  /** Headers every DLI request carries (signed with it when AK/SK is used). */
  headers: Record<string, string>;
  /** Adds the per-attempt headers: a fresh signature, or a valid token. */
  prepare: (req: PreparedRequest) => Promise<Record<string, string>>;
}

export interface DliAuthOptions {
  clock?: () => number;
  /** Hides a secret from the log (core.setSecret); called on every IAM token as soon as it is issued. */
  mask?: (secret: string) => void;
}

/** With IAM password login this logs in once (the project id may come from the token). */
export async function createDliAuth(
  settings: Pick<DliSettings, 'auth' | 'region' | 'projectId'>,
  iam: HttpService,
  { clock = Date.now, mask = () => {} }: DliAuthOptions = {},
): Promise<DliAuth> {
  const auth = settings.auth;
  if (auth.kind === 'aksk') {
    if (!settings.projectId) throw new Error('dli-project-id is required when signing with huaweicloud-ak/huaweicloud-sk');
    const headers: Record<string, string> = { 'X-Project-Id': settings.projectId };
    if (auth.securityToken) headers['X-Security-Token'] = auth.securityToken;
    const cred = { ak: auth.ak, sk: auth.sk };
    return { kind: 'aksk', projectId: settings.projectId, headers, prepare: async (req) => signRequest(req, cred, new Date(clock())) };
  }
  const scope = settings.projectId ? { region: settings.region, projectId: settings.projectId } : { region: settings.region };
  const login = async (): Promise<IamToken> => {
    const issued = await iamPasswordLogin(iam, auth, scope, clock);
    mask(issued.token);
    return issued;
  };
  const token = createTokenCache(login, clock);
  const first = await token();
  return {
    kind: 'password',
    projectId: first.projectId,
    headers: {},
    prepare: async () => ({ 'X-Auth-Token': (await token()).token }),
  };
}
