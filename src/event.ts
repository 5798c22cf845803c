import { z } from 'zod';

/** What the action needs to know about the event that triggered it. */
export interface EventInfo {
  name: string;
  owner: string;
  repo: string;
  serverUrl: string;
  /** The commit whose files are audited and annotated. */
  headSha: string;
  pull?: { number: number; baseSha: string; headSha: string; changedFiles?: number; fromFork: boolean };
  push?: { before: string; after: string };
  runUrl?: string;
}

const pullPayload = z.object({
  pull_request: z
    .object({
      number: z.number(),
      changed_files: z.number().optional(),
      head: z.object({ sha: z.string(), repo: z.object({ full_name: z.string() }).nullable().optional() }).loose(),
      base: z.object({ sha: z.string(), repo: z.object({ full_name: z.string() }).loose() }).loose(),
    })
    .loose(),
});

const pushPayload = z.object({ before: z.string(), after: z.string() }).loose();

export class EventError extends Error {
  override name = 'EventError';
}

export function readEvent(env: NodeJS.ProcessEnv, payload: unknown): EventInfo {
  const name = env['GITHUB_EVENT_NAME'] ?? '';
  const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const runUrl =
    env['GITHUB_RUN_ID'] && env['GITHUB_REPOSITORY']
      ? `${serverUrl}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}${env['GITHUB_RUN_ATTEMPT'] ? `/attempts/${env['GITHUB_RUN_ATTEMPT']}` : ''}`
      : undefined;
  const info: EventInfo = { name, owner, repo, serverUrl, headSha: env['GITHUB_SHA'] ?? '', runUrl };
  if (name === 'pull_request' || name === 'pull_request_target') {
    const parsed = pullPayload.safeParse(payload);
    if (!parsed.success) throw new EventError(`The ${name} event payload (GITHUB_EVENT_PATH) has no usable pull_request: ${parsed.error.issues[0]?.message ?? ''}`);
    const pr = parsed.data.pull_request;
    info.headSha = pr.head.sha;
    info.pull = {
      number: pr.number,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      changedFiles: pr.changed_files,
      fromFork: (pr.head.repo?.full_name ?? '') !== pr.base.repo.full_name,
    };
  } else if (name === 'push') {
    const parsed = pushPayload.safeParse(payload);
    if (parsed.success) {
      info.push = { before: parsed.data.before, after: parsed.data.after };
      info.headSha = parsed.data.after || info.headSha;
    }
  }
  return info;
}
