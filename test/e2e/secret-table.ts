// The end-to-end scenarios secrets.test.ts runs twice (plainly and with RUNNER_DEBUG=1), looking
// for every secret in everything the action wrote or sent to GitHub. Pure data (no imports): the
// README counts come from here (scripts/reliability-counts.mjs).

export const SECRET_SCENARIOS = {
  'token-login': 'access-token login, findings, check run, comment, SARIF',
  'password-login': 'password login, the login token refused mid-run and renewed',
  'wrong-password': 'a wrong SQLE password',
  'replaced-token': 'an access token replaced by a newer one',
  'sqle-down': 'SQLE down behind DMS',
  'unreachable': 'SQLE unreachable (connection refused)',
  'untrusted-tls': 'an HTTPS SQLE whose certificate is not trusted',
  'bad-inputs': 'invalid inputs alongside every secret input',
  'url-credentials': 'a sqle-url holding a user name and password (refused)',
  'fork': 'a pull request from a fork (read-only token, workflow-command fallback)',
  'push': 'a push event',
  'dli-check-aksk': 'DLI check with AK/SK and a security token',
  'dli-submit-iam': 'DLI submit with IAM password login (an IAM token is issued)',
  'dli-refused': 'DLI refusing the signature (wrong secret key)',
} as const;
export type SecretScenarioId = keyof typeof SECRET_SCENARIOS;

/** Each scenario runs in both modes. */
export const SECRET_MODES = ['plain', 'RUNNER_DEBUG=1'] as const;

/** The encodings each secret is looked for in. */
export const SECRET_FORMS = ['plain', 'URL-encoded', 'base64', 'base64url'] as const;

/** Scenarios waiting for a change outside the tests, with the change: listed as todo until then. */
export const SECRET_PENDING: Partial<Record<SecretScenarioId, string>> = {};
