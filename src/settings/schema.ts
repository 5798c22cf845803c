import fs from 'node:fs';
import { z } from 'zod';
import { defaultEndpoints } from '../dli/endpoints.js';
import type { RawInputs } from './inputs.js';
import type { DliSettings, Settings } from './types.js';

/** A bad input or combination of inputs: the message names the input and what is allowed. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

const oneOf = <T extends string>(input: string, allowed: readonly [T, ...T[]]) =>
  z.string().transform((v, ctx) => {
    const value = v.toLowerCase() as T;
    if (allowed.includes(value)) return value;
    ctx.addIssue({ code: 'custom', message: `Input "${input}" is "${v}"; allowed: ${allowed.join(', ')}.` });
    return z.NEVER;
  });

const boolean = (input: string) =>
  z.string().transform((v, ctx) => {
    if (/^(true|yes|on|1)$/i.test(v)) return true;
    if (/^(false|no|off|0|)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: `Input "${input}" is "${v}"; allowed: true or false.` });
    return z.NEVER;
  });

const integer = (input: string, min: number, max: number) =>
  z.string().transform((v, ctx) => {
    const n = Number(v);
    if (/^\d+$/.test(v) && n >= min && n <= max) return n;
    ctx.addIssue({ code: 'custom', message: `Input "${input}" is "${v}"; allowed: a whole number from ${min} to ${max}.` });
    return z.NEVER;
  });

const httpUrl = (input: string) =>
  z.string().transform((v, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(v);
    } catch {
      url = undefined;
    }
    if (url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password) return url;
    // Never echo a URL holding credentials: its password is not a masked input.
    const shown = url && (url.username || url.password) ? 'a URL with a user name or password in it' : `"${v}"`;
    ctx.addIssue({
      code: 'custom',
      message: `Input "${input}" is ${shown}; allowed: an http(s) URL such as https://host:10000 (without credentials in it).`,
    });
    return z.NEVER;
  });

const optional = (v: string) => (v === '' ? undefined : v);

/** Newline-separated globs; blank lines and `#` comments ignored. */
export function globList(v: string): string[] {
  return v.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;

function readCaCert(v: string): string | undefined {
  if (!v) return undefined;
  const pem = v.includes('-----BEGIN') ? v : readFileOrThrow(v);
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(pem)) {
    throw new SettingsError('Input "ca-cert" holds no PEM certificate; allowed: PEM text (-----BEGIN CERTIFICATE-----…) or the path of a PEM file.');
  }
  return pem;
}

function readFileOrThrow(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (err) {
    throw new SettingsError(`Input "ca-cert" is neither PEM text nor a readable file: ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
  }
}

const base = z.object({
  'sqle-url': httpUrl('sqle-url'),
  language: oneOf('language', ['en', 'zh']),
  scope: oneOf('scope', ['changed', 'all']),
  'report-lines': oneOf('report-lines', ['changed', 'all']),
  'fail-on': oneOf('fail-on', ['error', 'warn', 'notice', 'never']),
  annotations: oneOf('annotations', ['checks', 'commands', 'auto', 'off']),
  comment: oneOf('comment', ['on', 'off', 'auto']),
  summary: boolean('summary'),
  'insecure-skip-tls-verify': boolean('insecure-skip-tls-verify'),
  'dli-mode': oneOf('dli-mode', ['off', 'check', 'submit']),
  timeout: integer('timeout', 1, 3600),
  concurrency: integer('concurrency', 1, 64),
  'dli-timeout': integer('dli-timeout', 1, 86_400),
});

/** Turns the raw inputs into the one typed settings object, or throws a SettingsError listing every problem. */
export function parseSettings(raw: RawInputs): Settings {
  const problems: string[] = [];
  const parsed = base.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => i.message));
  problems.push(...loginProblems(raw));
  if (!raw['sqle-project']) problems.push('Input "sqle-project" is empty; allowed: a SQLE project name (default "default").');
  if (!raw['db-type'] && !raw['instance-name']) problems.push('Inputs "db-type" and "instance-name" are both empty; give a database type (e.g. MySQL) or a SQLE data source.');
  if (raw['instance-schema'] && !raw['instance-name']) problems.push('Input "instance-schema" needs "instance-name" (the SQLE data source it belongs to).');
  if (!raw['check-name']) problems.push('Input "check-name" is empty; allowed: any non-empty name.');
  const files = globList(raw.files || '**/*.sql');
  if (files.filter((g) => !g.startsWith('!')).length === 0) problems.push('Input "files" has no glob that selects files; allowed: newline-separated globs such as **/*.sql (lines starting with ! exclude).');
  let caCert: string | undefined;
  try {
    caCert = readCaCert(raw['ca-cert']);
  } catch (err) {
    problems.push((err as Error).message);
  }
  const dliMode = parsed.success ? parsed.data['dli-mode'] : 'off';
  const dli = dliMode === 'off' ? undefined : parseDli(raw, dliMode, files, parsed.success ? parsed.data['dli-timeout'] : 600, problems);
  if (problems.length > 0 || !parsed.success) throw new SettingsError(problems.join('\n'));
  const v = parsed.data;
  return {
    sqle: {
      url: v['sqle-url'],
      token: optional(raw['sqle-token']),
      username: optional(raw['sqle-username']),
      password: optional(raw['sqle-password']),
      project: raw['sqle-project'],
      instanceName: optional(raw['instance-name']),
      instanceSchema: optional(raw['instance-schema']),
      dbType: raw['db-type'] || 'MySQL',
      ruleTemplate: optional(raw['rule-template']),
    },
    language: v.language,
    files,
    scope: v.scope,
    reportLines: v['report-lines'],
    failOn: v['fail-on'],
    githubToken: raw['github-token'],
    annotations: v.annotations,
    checkName: raw['check-name'],
    comment: v.comment,
    summary: v.summary,
    sarifFile: optional(raw['sarif-file']),
    dli,
    http: {
      timeoutSeconds: v.timeout,
      concurrency: v.concurrency,
      caCert,
      insecureSkipTlsVerify: v['insecure-skip-tls-verify'],
    },
  };
}

function loginProblems(raw: RawInputs): string[] {
  const token = raw['sqle-token'];
  const user = raw['sqle-username'];
  const password = raw['sqle-password'];
  if (token && (user || password)) {
    return ['Inputs "sqle-token" and "sqle-username"/"sqle-password" are both given; allowed: exactly one way of logging in to SQLE.'];
  }
  if (token) return /\s/.test(token) ? ['Input "sqle-token" contains whitespace; allowed: the access token alone, without "Bearer ".'] : [];
  if (user && password) return [];
  if (user) return ['Input "sqle-password" is empty; "sqle-username" needs its password.'];
  if (password) return ['Input "sqle-username" is empty; "sqle-password" needs the user name.'];
  return ['No way to log in to SQLE: give "sqle-token" (an access token, preferred for CI) or "sqle-username" and "sqle-password".'];
}

function parseDli(raw: RawInputs, mode: 'check' | 'submit', files: string[], timeoutSeconds: number, problems: string[]): DliSettings | undefined {
  const before = problems.length;
  const region = raw['dli-region'];
  if (!region) problems.push(`Input "dli-region" is empty; it is required when "dli-mode" is ${mode} (e.g. cn-north-4).`);
  else if (!REGION.test(region)) problems.push(`Input "dli-region" is "${region}"; allowed: a Huawei Cloud region id such as cn-north-4.`);
  const endpoints = defaultEndpoints(REGION.test(region) ? region : 'invalid');
  const endpoint = urlOrProblem('dli-endpoint', raw['dli-endpoint'] || endpoints.dli.href, problems);
  const iamEndpoint = urlOrProblem('iam-endpoint', raw['iam-endpoint'] || endpoints.iam.href, problems);
  const projectId = optional(raw['dli-project-id']);
  if (projectId && !/^[A-Za-z0-9]{1,64}$/.test(projectId)) problems.push(`Input "dli-project-id" is "${projectId}"; allowed: 1–64 letters and digits.`);
  for (const name of ['dli-queue', 'dli-database'] as const) {
    const value = raw[name];
    if (value && !/^(?!_)(?![0-9]+$)[A-Za-z0-9_]{1,128}$/.test(value)) problems.push(`Input "${name}" is "${value}"; allowed: letters, digits and _ (not starting with _, not only digits), at most 128.`);
  }
  const ak = raw['huaweicloud-ak'];
  const sk = raw['huaweicloud-sk'];
  const user = raw['huaweicloud-username'];
  const password = raw['huaweicloud-password'];
  const domain = raw['huaweicloud-domain'];
  let auth: DliSettings['auth'] | undefined;
  const akskGiven = Boolean(ak || sk || raw['huaweicloud-security-token']);
  const passwordGiven = Boolean(user || password || domain);
  if (akskGiven && passwordGiven) problems.push('Inputs "huaweicloud-ak"/"huaweicloud-sk" and "huaweicloud-username"/"huaweicloud-password" are both given; allowed: exactly one way of authenticating to Huawei Cloud.');
  else if (akskGiven) {
    if (!ak || !sk) problems.push('Inputs "huaweicloud-ak" and "huaweicloud-sk" must be given together.');
    else auth = { kind: 'aksk', ak, sk, securityToken: optional(raw['huaweicloud-security-token']) };
    if (!projectId) problems.push('Input "dli-project-id" is empty; it is required with AK/SK signing.');
  } else if (passwordGiven) {
    if (!user || !password || !domain) problems.push('Inputs "huaweicloud-username", "huaweicloud-password" and "huaweicloud-domain" must all be given for IAM password login.');
    else auth = { kind: 'password', username: user, password, domain };
  } else {
    problems.push(`No way to authenticate to Huawei Cloud for "dli-mode: ${mode}": give "huaweicloud-ak" and "huaweicloud-sk", or "huaweicloud-username", "huaweicloud-password" and "huaweicloud-domain".`);
  }
  if (problems.length > before || !auth || !endpoint || !iamEndpoint) return undefined;
  return {
    mode,
    files: raw['dli-files'] ? globList(raw['dli-files']) : files,
    region,
    projectId,
    endpoint,
    iamEndpoint,
    queue: optional(raw['dli-queue']),
    database: optional(raw['dli-database']),
    auth,
    timeoutSeconds,
  };
}

function urlOrProblem(input: string, value: string, problems: string[]): URL | undefined {
  const result = httpUrl(input).safeParse(value);
  if (result.success) return result.data;
  problems.push(...result.error.issues.map((i) => i.message));
  return undefined;
}
