// Loopback doubles of Huawei Cloud DLI (behind its API gateway) and IAM, sharing one state:
// tokens issued by the IAM double are accepted by the DLI double until they expire.
import { startDouble, type RunningDouble } from '../http-double.js';
import { Catalog } from './catalog.js';
import { dliHandler } from './dli-routes.js';
import { AkSkGateway, type GatewayCredential } from './gateway-auth.js';
import { iamHandler } from './iam-routes.js';
import type { DoubleJob, JobScript } from './jobs.js';
import type { DliDoubleState, IamUser } from './state.js';

export type { DoubleJob, JobScript } from './jobs.js';
export type { GatewayCredential } from './gateway-auth.js';
export type { IamUser } from './state.js';

export const DOUBLE_PROJECT_ID = '0123456789abcdef0123456789abcdef';
export const DOUBLE_REGION = 'cn-north-4';
export const DOUBLE_AK = 'HWTESTAK0000EXAMPLE1';
export const DOUBLE_SK = 'HWTESTSK0000example0000secret0000key0000';
export const DOUBLE_USER: IamUser = { domain: 'example-account', name: 'ci-user', password: 'ci-password-0' };

export interface DliDoubleOptions {
  projectId?: string;
  region?: string;
  /** AK/SK pairs the gateway knows (default: DOUBLE_AK/DOUBLE_SK). */
  credentials?: GatewayCredential[];
  /** IAM users (default: DOUBLE_USER). */
  users?: IamUser[];
  /** SQL queues of the project (default: 'default' and 'sql_queue'). */
  queues?: string[];
  /** Existing databases and their tables; `default` always exists. */
  catalog?: Record<string, string[]>;
  scripts?: JobScript[];
  /** Lifetime of IAM tokens (default 24 h; negative: expired when issued). */
  tokenTtlMs?: number;
  /** The servers' clock minus the real one (clock skew). */
  clockOffsetMs?: number;
  latencyMs?: number;
}

export interface DliDouble {
  dliUrl: string;
  iamUrl: string;
  /** The two servers: their request logs, fault injectors and latency. */
  dli: RunningDouble;
  iam: RunningDouble;
  /** Every job submitted, in submission order, with its status history. */
  jobs: DoubleJob[];
  /** Scripts can be changed between runs (e.g. to "fix" a failing statement). */
  scripts: JobScript[];
  catalog: Catalog;
  projectId: string;
  region: string;
  /** Change the servers' clock at any time. */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

export async function startDliDouble(opts: DliDoubleOptions = {}): Promise<DliDouble> {
  const credentials = opts.credentials ?? [{ ak: DOUBLE_AK, sk: DOUBLE_SK }];
  const state: DliDoubleState = {
    projectId: opts.projectId ?? DOUBLE_PROJECT_ID,
    region: opts.region ?? DOUBLE_REGION,
    credentials,
    users: opts.users ?? [DOUBLE_USER],
    queues: opts.queues ?? ['default', 'sql_queue'],
    scripts: opts.scripts ?? [],
    jobs: [],
    catalog: new Catalog(opts.catalog),
    tokens: new Map(),
    tokenTtlMs: opts.tokenTtlMs ?? 24 * 3600_000,
    clockOffsetMs: opts.clockOffsetMs ?? 0,
    gateway: new AkSkGateway(() => credentials),
  };
  const options = opts.latencyMs ? { latencyMs: opts.latencyMs } : {};
  const dli = await startDouble(dliHandler(state), options);
  const iam = await startDouble(iamHandler(state), options);
  return {
    dliUrl: dli.url,
    iamUrl: iam.url,
    dli,
    iam,
    jobs: state.jobs,
    get scripts() {
      return state.scripts;
    },
    set scripts(scripts: JobScript[]) {
      state.scripts = scripts;
    },
    catalog: state.catalog,
    projectId: state.projectId,
    region: state.region,
    setClockOffset(ms) {
      state.clockOffsetMs = ms;
    },
    close: async () => {
      await Promise.all([dli.close(), iam.close()]);
    },
  };
}
