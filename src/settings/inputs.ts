// The only module that reads the action's inputs. Secrets are masked here, before anything is logged.

/** Every input of action.yml, by name. */
export const INPUT_NAMES = [
  'sqle-url', 'sqle-token', 'sqle-username', 'sqle-password', 'sqle-project', 'instance-name', 'instance-schema',
  'db-type', 'rule-template', 'language', 'ca-cert', 'insecure-skip-tls-verify',
  'files', 'scope', 'report-lines', 'fail-on',
  'github-token', 'annotations', 'check-name', 'comment', 'summary', 'sarif-file',
  'dli-mode', 'dli-files', 'dli-region', 'dli-project-id', 'dli-endpoint', 'iam-endpoint', 'dli-queue', 'dli-database',
  'huaweicloud-ak', 'huaweicloud-sk', 'huaweicloud-security-token',
  'huaweicloud-username', 'huaweicloud-password', 'huaweicloud-domain',
  'dli-timeout', 'timeout', 'concurrency',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];
export type RawInputs = Record<InputName, string>;

export const SECRET_INPUTS: readonly InputName[] = [
  'sqle-token', 'sqle-password', 'github-token', 'huaweicloud-sk', 'huaweicloud-security-token', 'huaweicloud-password',
];

/** Reads every input (trimmed) and masks the secret ones in all the forms they could be printed in. */
export function readInputs(getInput: (name: string) => string, mask: (secret: string) => void): RawInputs {
  const raw = {} as RawInputs;
  for (const name of INPUT_NAMES) raw[name] = getInput(name).trim();
  for (const name of SECRET_INPUTS) maskSecret(raw[name], mask);
  for (const name of URL_INPUTS) maskSecret(urlPassword(raw[name]), mask);
  return raw;
}

/** URLs that could carry a password (which the settings refuse, without echoing it). */
const URL_INPUTS: readonly InputName[] = ['sqle-url', 'dli-endpoint', 'iam-endpoint'];

function urlPassword(value: string): string {
  try {
    return decodeURIComponent(new URL(value).password);
  } catch {
    return '';
  }
}

/** Masks a secret as printed plainly, URL-encoded and base64-encoded. */
export function maskSecret(secret: string, mask: (secret: string) => void): void {
  if (!secret) return;
  const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]);
  for (const form of forms) mask(form);
}
