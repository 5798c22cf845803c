// The GitHub REST client: @actions/github's Octokit (proxy settings from the environment) pointed at
// `apiUrl`, with a per-attempt timeout, bounded retries (rate limits, 5xx and connection failures on
// reads) and a limit on requests in flight.
import { getOctokit } from '@actions/github';
import { createLimiter } from '../http/limiter.js';
import type { Log } from '../log.js';
import { DEFAULT_RETRY_POLICY, retryDecision, type RetryPolicy } from './retry-policy.js';

export interface GitHubResponse {
  status: number;
  headers: Record<string, string | number | undefined>;
  /** Untrusted: validate before use. */
  data: unknown;
}

/** Octokit's `request`: a route such as 'GET /repos/{owner}/{repo}/pulls/{pull_number}' and its parameters. */
export type GitHubRequest = (route: string, params?: Record<string, unknown>) => Promise<GitHubResponse>;

export interface GitHub {
  request: GitHubRequest;
  log: Log;
}

export interface GitHubOptions {
  token: string;
  /** e.g. https://api.github.com or https://ghes.example.com/api/v3 (GITHUB_API_URL). */
  apiUrl: string;
  log: Log;
  /** Most requests in flight at once (default 8). */
  concurrency?: number;
  userAgent?: string;
  /** Per attempt (default 120 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected by tests to observe waits without spending them. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createGitHub(opts: GitHubOptions): GitHub {
  const { log } = opts;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const sleep = opts.sleep ?? realSleep;
  const limit = createLimiter(Math.max(1, opts.concurrency ?? 8));
  // No `request` option here: that keeps @actions/github's default fetch, which goes through the
  // proxy that HTTPS_PROXY/NO_PROXY name for GITHUB_API_URL (the runner's apiUrl).
  const octokit = getOctokit(opts.token, {
    baseUrl: opts.apiUrl.replace(/\/+$/, ''),
    userAgent: opts.userAgent ?? 'sqle-dli-action',
    log: { debug: (m: string) => log.debug(m), info: (m: string) => log.debug(m), warn: (m: string) => log.warning(m), error: (m: string) => log.warning(m) },
  });

  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await limit(async () => {
          // Octokit's own auth hook runs inside this one with the options object it was given, so a
          // fresh signal per attempt must be set on that very object (a copy would be ignored).
          options.request = { ...options.request, signal: AbortSignal.timeout(timeoutMs) };
          return request(options);
        });
      } catch (err) {
        const decision = retryDecision(err, { method: options.method, attempt }, policy);
        if (!decision.retry) throw err;
        log.info(`GitHub API ${options.method} ${options.url}: ${decision.reason}; retrying in ${(decision.delayMs / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${policy.maxAttempts}).`);
        await sleep(decision.delayMs);
      }
    }
  });

  return {
    log,
    request: async (route, params) => {
      const res = await octokit.request(route, params);
      return { status: res.status, headers: res.headers, data: res.data as unknown };
    },
  };
}
