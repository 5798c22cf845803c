// Bad and hostile input as data: what hostile-input.test.ts runs, and what
// scripts/reliability-counts.mjs counts for the README. Pure data (no imports).

/** Hostile or broken pull-request content, each one end-to-end case. */
export const BAD_INPUT_CASES = {
  'symlink-outside': 'a .sql symlink to a file outside the workspace: refused and named, its content never sent; the other files audited',
  'symlink-git-dir': 'a .sql symlink into .git (where actions/checkout keeps the token): refused',
  'symlink-unselected': 'a .sql symlink to a workspace file the globs do not select (credentials an earlier step wrote): refused',
  'symlink-broken': 'dangling, looping and directory symlinks: each refused with its own reason',
  'path-traversal': 'paths with `..` and absolute paths in the pull-request file list: refused, nothing outside read',
  'odd-names': 'paths with spaces, unicode, quotes, `#`, `%` and a leading dash: audited, reported under their exact names',
  'newline-names': 'a path holding a newline and a forged workflow command: audited, no command injected into the log',
  'markup-in-sql': 'SQL text with HTML, @mentions and markdown links: shown as text in the summary and the comment',
  'listed-not-checked-out': 'a changed file missing from the checkout, or a directory: named with the reason',
  'binary-and-undecodable': 'binary and undecodable .sql files: refused with the reason, the others audited',
  'empty-and-comments': 'empty, blank and comment-only files: no crash, no statement sent, the run passes',
  'huge-file': 'a 100 MB SQL file: split across SQLE records within its caps, every statement audited, memory bounded',
  'many-files': 'a pull request of 3,000 SQL files: every one audited',
  'pull-request-target': 'a hostile fork head checked out on pull_request_target (shell in names and SQL, a symlink to the persisted token, node_modules, package scripts, .gitattributes): nothing in it executed, nothing outside the audited files read',
} as const;
export type BadInputCaseId = keyof typeof BAD_INPUT_CASES;

export interface InputCase {
  /** The input given a wrong value; the message must name it. */
  input: string;
  value: string;
  /** Other inputs the rule needs to apply (e.g. dli-mode for the DLI inputs). */
  with?: Record<string, string>;
  /** What the message says (after `Input "<input>"` or the input's name in quotes). */
  says: string;
  /** The event the rule is about (default pull_request), and whether the pull request comes from a fork. */
  event?: 'pull_request_target';
  fork?: boolean;
  /** Set while the case waits for a change outside the test: the test is listed as todo. */
  pending?: string;
}

const DLI = { 'dli-mode': 'check', 'dli-region': 'cn-north-4', 'dli-project-id': 'p0123', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK' };
const DLI_NO_AUTH = { 'dli-mode': 'check', 'dli-region': 'cn-north-4', 'dli-project-id': 'p0123' };
const NO_TOKEN = { 'sqle-token': '' };

/** Every input with a validation rule, given a value that breaks it. */
export const INPUT_CASES: InputCase[] = [
  { input: 'sqle-url', value: 'sqle.example.com:10000', says: 'allowed: an http(s) URL' },
  { input: 'sqle-url', value: 'ftp://sqle.example.com', says: 'allowed: an http(s) URL' },
  { input: 'sqle-token', value: 'Bearer abc.def.ghi', says: 'contains whitespace' },
  { input: 'sqle-username', value: 'admin', with: NO_TOKEN, says: 'needs its password' },
  { input: 'sqle-password', value: 'secret', with: NO_TOKEN, says: 'needs the user name' },
  { input: 'sqle-token', value: '', says: 'give "sqle-token"' },
  { input: 'sqle-project', value: '', says: 'is empty' },
  { input: 'db-type', value: '', says: 'are both empty' },
  { input: 'instance-schema', value: 'app', says: 'needs "instance-name"' },
  { input: 'language', value: 'fr', says: 'allowed: en, zh' },
  { input: 'ca-cert', value: 'not a certificate', says: 'neither PEM text nor a readable file' },
  { input: 'ca-cert', value: '-----BEGIN CERTIFICATE-----', says: 'holds no PEM certificate' },
  { input: 'insecure-skip-tls-verify', value: 'maybe', says: 'allowed: true or false' },
  { input: 'files', value: '!**/*.sql', says: 'has no glob that selects files' },
  { input: 'scope', value: 'everything', says: 'allowed: changed, all' },
  { input: 'report-lines', value: 'some', says: 'allowed: changed, all' },
  { input: 'fail-on', value: 'sometimes', says: 'allowed: error, warn, notice, never' },
  { input: 'annotations', value: 'loud', says: 'allowed: checks, commands, auto, off' },
  { input: 'check-name', value: '', says: 'is empty' },
  { input: 'comment', value: 'yes please', says: 'allowed: on, off, auto' },
  { input: 'summary', value: 'sometimes', says: 'allowed: true or false' },
  { input: 'dli-mode', value: 'apply', says: 'allowed: off, check, submit' },
  { input: 'dli-region', value: '', with: DLI, says: 'is empty; it is required' },
  {
    input: 'dli-region',
    value: 'North China',
    with: DLI,
    says: 'allowed: a Huawei Cloud region id',
  },
  { input: 'dli-project-id', value: 'not/an/id', with: DLI, says: 'allowed: 1–64 letters and digits' },
  { input: 'dli-project-id', value: '', with: DLI, says: 'required with AK/SK signing' },
  { input: 'dli-endpoint', value: 'dli.example.com', with: DLI, says: 'allowed: an http(s) URL' },
  { input: 'iam-endpoint', value: 'file:///etc/passwd', with: DLI, says: 'allowed: an http(s) URL' },
  { input: 'dli-queue', value: 'my queue', with: DLI, says: 'allowed: letters, digits and _' },
  { input: 'dli-database', value: '_hidden', with: DLI, says: 'allowed: letters, digits and _' },
  { input: 'huaweicloud-sk', value: '', with: DLI, says: 'must be given together' },
  { input: 'huaweicloud-ak', value: '', with: DLI, says: 'must be given together' },
  { input: 'huaweicloud-username', value: 'ci-user', with: DLI, says: 'are both given' },
  { input: 'huaweicloud-password', value: '', with: { ...DLI_NO_AUTH, 'huaweicloud-username': 'ci-user', 'huaweicloud-domain': 'acct' }, says: 'must all be given' },
  { input: 'huaweicloud-domain', value: '', with: { ...DLI_NO_AUTH, 'huaweicloud-username': 'ci-user', 'huaweicloud-password': 'pw' }, says: 'must all be given' },
  ...pullRequestTargetCases(),
  { input: 'dli-timeout', value: '0', says: 'allowed: a whole number from 1 to 86400' },
  { input: 'timeout', value: '2m', says: 'allowed: a whole number from 1 to 3600' },
  { input: 'concurrency', value: '1000', says: 'allowed: a whole number from 1 to 64' },
];

function pullRequestTargetCases(): InputCase[] {
  return [
    { input: 'dli-mode', value: 'submit', with: DLI, event: 'pull_request_target', says: 'on a pull_request_target event' },
    { input: 'instance-name', value: 'prod-mysql', event: 'pull_request_target', fork: true, says: 'pull request from a fork' },
    { input: 'ca-cert', value: 'certs/ca.pem', event: 'pull_request_target', says: 'inside the workspace' },
  ];
}
