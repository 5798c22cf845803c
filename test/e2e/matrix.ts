// The fault-injection matrix as data: which fault, injected where, must end how. The end-to-end
// test (faults.test.ts) runs every case; scripts/reliability-counts.mjs counts them for the README.
// Pure data on purpose (no imports): the counts script loads it without starting anything.

export type ServiceId = 'SQLE' | 'GitHub' | 'DLI';

export type EndpointId =
  | 'dms-login'
  | 'sqle-audit'
  | 'sqle-results'
  | 'dms-project'
  | 'github-pr-files'
  | 'github-check-run'
  | 'github-comment'
  | 'iam-token'
  | 'dli-check';

export interface Endpoint {
  id: EndpointId;
  /** The service as the README counts it (SQLE includes its DMS gateway, DLI includes IAM). */
  service: ServiceId;
  /** How the action's messages name the server (and, where they do, the method and path). */
  names: string;
  title: string;
}

export const ENDPOINTS: Record<EndpointId, Endpoint> = {
  'dms-login': { id: 'dms-login', service: 'SQLE', names: 'DMS: POST /v1/dms/sessions', title: 'DMS password login' },
  'sqle-audit': { id: 'sqle-audit', service: 'SQLE', names: 'SQLE: POST /sqle/v1/projects/default/sql_audit_records', title: 'SQLE audit record upload' },
  'sqle-results': { id: 'sqle-results', service: 'SQLE', names: 'SQLE: GET /sqle/v2/tasks/audits/', title: 'SQLE audit results' },
  'dms-project': { id: 'dms-project', service: 'SQLE', names: 'DMS: GET /v1/dms/projects', title: 'DMS project lookup' },
  'github-pr-files': { id: 'github-pr-files', service: 'GitHub', names: 'GitHub', title: 'GitHub pull-request files' },
  'github-check-run': { id: 'github-check-run', service: 'GitHub', names: 'GitHub', title: 'GitHub check run' },
  'github-comment': { id: 'github-comment', service: 'GitHub', names: 'GitHub', title: 'GitHub pull-request comment' },
  'iam-token': { id: 'iam-token', service: 'DLI', names: 'IAM: POST /v3/auth/tokens', title: 'IAM password login' },
  'dli-check': { id: 'dli-check', service: 'DLI', names: 'DLI: POST /v1.0/', title: 'DLI check-sql' },
};

export type FaultId =
  | 'refused'
  | 'reset'
  | 'slow'
  | 'burst-5xx'
  | 'malformed-json'
  | 'unknown-code'
  | 'html-page'
  | 'sqle-down'
  | 'token-revoked';

export const FAULTS: Record<FaultId, string> = {
  refused: 'connection refused',
  reset: 'connection reset in the middle of a response',
  slow: 'a response slower than `timeout`',
  'burst-5xx': 'a burst of 5xx answers',
  'malformed-json': 'malformed JSON',
  'unknown-code': 'a 200 envelope with an unknown `code`',
  'html-page': 'an HTML error page',
  'sqle-down': 'SQLE down behind DMS (502 `could not forward`)',
  'token-revoked': 'token revoked mid-run',
};

/**
 * How the run must end:
 * - `recovers`: retried (safe requests only) and ends exactly as without the fault;
 * - `audit-error`: `result: error`, exit 1, a message about the fault; `kept` says which findings
 *   survive (`before-fault`: those of the audit record completed before the fault);
 * - `degrades`: reported as a warning, yet the result, the exit code and every finding stand;
 * - `dli-failed`: `dli-result: failed`, exit 1, the SQLE result and every finding stand.
 */
export type Outcome =
  | { kind: 'recovers' }
  | { kind: 'audit-error'; kept: 'before-fault' | 'none' }
  | { kind: 'degrades' }
  | { kind: 'dli-failed' };

export interface FaultCase {
  endpoint: EndpointId;
  fault: FaultId;
  outcome: Outcome;
  /** What the message must say came back, besides naming the server (`Endpoint.names`). */
  says: string[];
  /** Set while the case waits for a change outside the test: the test is listed as todo. */
  pending?: string;
}

export interface NotApplicable {
  endpoint: EndpointId;
  fault: FaultId;
  why: string;
}

type Cell = { outcome: Outcome; says: string[]; pending?: string } | { na: string };

const recovers: Outcome = { kind: 'recovers' };
const degrades: Outcome = { kind: 'degrades' };
const dliFailed: Outcome = { kind: 'dli-failed' };
const lostAll: Outcome = { kind: 'audit-error', kept: 'none' };
const keptEarlier: Outcome = { kind: 'audit-error', kept: 'before-fault' };

const RESET = 'was reset before a complete answer';
const TIMEOUT = 'no complete answer within the timeout of 2 s';
const RETRIED = 'after 4 attempts';
const HTML = 'an HTML page "500 Internal Server Error"';
const UNKNOWN_CODE = 'code 8888: a business error this action has never seen';
const NOT_FORWARDED = 'could not forward';
const SQLE_DOWN_HINT = 'SQLE behind it is not answering';
const REPLACED = 'access token is not latest';
const NO_URL = 'audit-url stays empty';
const LIST_FILES = 'list the files this change touched';
const CHECK_RUN = 'create the check run';
const COMMENT = 'create the pull request comment';
const BAD_CREDENTIALS = '401 Bad credentials';
const PR_FILES_ANSWER = "GitHub's answer to the files of pull request #7";
const NOT_DOCUMENTED = 'is not what the GitHub API documents';
const CHECK_RUN_ANSWER = "GitHub's answer to the check run creation";
const COMMENT_ANSWER = "GitHub's answer to the comment creation";
const GITHUB_ABORTED = 'aborted due to timeout';

const DMS_ITSELF = 'DMS answers this path itself: only /sqle/ paths are forwarded to SQLE';
const ONLY_BEHIND_DMS = 'only SQLE sits behind the DMS gateway';
const NO_ENVELOPE = 'GitHub answers plain resources, without a {code, message} envelope';
const SAME_SERVER_BEFORE = 'an earlier request of the run already goes to the same server: covered by that row';
const LOGIN_ISSUES_TOKEN = 'the login is what issues the token';

const TABLE: Record<EndpointId, Record<FaultId, Cell>> = {
  'dms-login': {
    refused: { outcome: lostAll, says: ['connection refused', RETRIED] },
    reset: { outcome: lostAll, says: [RESET, RETRIED] },
    slow: { outcome: lostAll, says: [TIMEOUT] },
    'burst-5xx': { outcome: recovers, says: [] },
    'malformed-json': { outcome: lostAll, says: ['not JSON'] },
    'unknown-code': { outcome: lostAll, says: [UNKNOWN_CODE] },
    'html-page': { outcome: lostAll, says: [HTML] },
    'sqle-down': { na: DMS_ITSELF },
    'token-revoked': { na: LOGIN_ISSUES_TOKEN },
  },
  'sqle-audit': {
    refused: { outcome: lostAll, says: ['connection refused', RETRIED] },
    reset: { outcome: keptEarlier, says: [RESET] },
    slow: { outcome: keptEarlier, says: [TIMEOUT] },
    'burst-5xx': { outcome: keptEarlier, says: ['answered HTTP 503'] },
    'malformed-json': { outcome: keptEarlier, says: ['not JSON'] },
    'unknown-code': { outcome: keptEarlier, says: [UNKNOWN_CODE] },
    'html-page': { outcome: keptEarlier, says: [HTML] },
    'sqle-down': { outcome: keptEarlier, says: [NOT_FORWARDED, SQLE_DOWN_HINT] },
    'token-revoked': { outcome: keptEarlier, says: [REPLACED, 'This access token was replaced'] },
  },
  'sqle-results': {
    refused: { na: SAME_SERVER_BEFORE },
    reset: { outcome: keptEarlier, says: [RESET, RETRIED] },
    slow: { outcome: keptEarlier, says: [TIMEOUT] },
    'burst-5xx': { outcome: recovers, says: [] },
    'malformed-json': { outcome: keptEarlier, says: ['not JSON'] },
    'unknown-code': { outcome: keptEarlier, says: [UNKNOWN_CODE] },
    'html-page': { outcome: keptEarlier, says: [HTML] },
    'sqle-down': { outcome: keptEarlier, says: [RETRIED, NOT_FORWARDED, SQLE_DOWN_HINT] },
    'token-revoked': { outcome: keptEarlier, says: [REPLACED, 'This access token was replaced'] },
  },
  'dms-project': {
    refused: { na: SAME_SERVER_BEFORE },
    reset: { outcome: degrades, says: [RESET, RETRIED, NO_URL] },
    slow: { outcome: degrades, says: [TIMEOUT, NO_URL] },
    'burst-5xx': { outcome: recovers, says: [] },
    'malformed-json': { outcome: degrades, says: ['not JSON', NO_URL] },
    'unknown-code': { outcome: degrades, says: [UNKNOWN_CODE, NO_URL] },
    'html-page': { outcome: degrades, says: [HTML, NO_URL] },
    'sqle-down': { na: DMS_ITSELF },
    'token-revoked': { outcome: degrades, says: [REPLACED, NO_URL] },
  },
  'github-pr-files': {
    refused: { outcome: lostAll, says: [LIST_FILES, 'ECONNREFUSED'] },
    reset: { outcome: lostAll, says: [PR_FILES_ANSWER, NOT_DOCUMENTED] },
    slow: { outcome: lostAll, says: [LIST_FILES, GITHUB_ABORTED] },
    'burst-5xx': { outcome: recovers, says: [] },
    'malformed-json': { outcome: lostAll, says: [PR_FILES_ANSWER, NOT_DOCUMENTED] },
    'unknown-code': { na: NO_ENVELOPE },
    'html-page': { outcome: lostAll, says: [LIST_FILES, '500'] },
    'sqle-down': { na: ONLY_BEHIND_DMS },
    'token-revoked': { outcome: lostAll, says: [LIST_FILES, BAD_CREDENTIALS] },
  },
  'github-check-run': {
    refused: { outcome: degrades, says: [CHECK_RUN, 'ECONNREFUSED'] },
    reset: { outcome: degrades, says: [CHECK_RUN_ANSWER, NOT_DOCUMENTED] },
    slow: { outcome: degrades, says: [CHECK_RUN, GITHUB_ABORTED] },
    'burst-5xx': { outcome: degrades, says: [CHECK_RUN, '503'] },
    'malformed-json': { outcome: degrades, says: [CHECK_RUN_ANSWER, NOT_DOCUMENTED] },
    'unknown-code': { na: NO_ENVELOPE },
    'html-page': { outcome: degrades, says: [CHECK_RUN, '500'] },
    'sqle-down': { na: ONLY_BEHIND_DMS },
    'token-revoked': { outcome: degrades, says: [CHECK_RUN, BAD_CREDENTIALS] },
  },
  'github-comment': {
    refused: { na: SAME_SERVER_BEFORE },
    reset: { outcome: degrades, says: [COMMENT_ANSWER, NOT_DOCUMENTED] },
    slow: { outcome: degrades, says: [COMMENT, GITHUB_ABORTED] },
    'burst-5xx': { outcome: degrades, says: [COMMENT, '503'] },
    'malformed-json': { outcome: degrades, says: [COMMENT_ANSWER, NOT_DOCUMENTED] },
    'unknown-code': { na: NO_ENVELOPE },
    'html-page': { outcome: degrades, says: [COMMENT, '500'] },
    'sqle-down': { na: ONLY_BEHIND_DMS },
    'token-revoked': { outcome: degrades, says: [COMMENT, BAD_CREDENTIALS] },
  },
  'iam-token': {
    refused: { outcome: dliFailed, says: ['connection refused', RETRIED] },
    reset: { outcome: dliFailed, says: [RESET, RETRIED] },
    slow: { outcome: dliFailed, says: [TIMEOUT] },
    'burst-5xx': { outcome: recovers, says: [] },
    'malformed-json': { outcome: dliFailed, says: ['answered HTTP 200'] },
    'unknown-code': { na: 'IAM answers Keystone resources, without a business-code envelope' },
    'html-page': { outcome: dliFailed, says: ['an HTML page'] },
    'sqle-down': { na: ONLY_BEHIND_DMS },
    'token-revoked': { na: LOGIN_ISSUES_TOKEN },
  },
  'dli-check': {
    refused: { outcome: dliFailed, says: ['connection refused', RETRIED] },
    reset: { outcome: dliFailed, says: [RESET, RETRIED] },
    slow: { outcome: dliFailed, says: [TIMEOUT] },
    'burst-5xx': { outcome: recovers, says: [] },
    'malformed-json': { outcome: dliFailed, says: ['check-sql'] },
    'unknown-code': { outcome: dliFailed, says: ['DLI.8888'] },
    'html-page': { outcome: dliFailed, says: ['an HTML page'] },
    'sqle-down': { na: ONLY_BEHIND_DMS },
    'token-revoked': { outcome: dliFailed, says: ['ak not exist'] },
  },
};

function expand(): { cases: FaultCase[]; notApplicable: NotApplicable[] } {
  const cases: FaultCase[] = [];
  const notApplicable: NotApplicable[] = [];
  for (const endpoint of Object.keys(TABLE) as EndpointId[]) {
    for (const fault of Object.keys(FAULTS) as FaultId[]) {
      const cell = TABLE[endpoint][fault];
      if ('na' in cell) notApplicable.push({ endpoint, fault, why: cell.na });
      else cases.push({ endpoint, fault, ...cell });
    }
  }
  return { cases, notApplicable };
}

export const { cases: FAULT_CASES, notApplicable: NOT_APPLICABLE } = expand();

/** The HTTP layer's settings, each proven end to end by one case of faults.test.ts. */
export const TRANSPORT_CASES = {
  'tls-untrusted': 'an HTTPS SQLE with a private CA and no ca-cert: refused, naming the ca-cert input',
  'tls-ca-cert': 'the same server trusted through ca-cert given inline',
  'tls-ca-cert-file': 'the same server trusted through ca-cert given as a file path',
  'tls-insecure': 'insecure-skip-tls-verify: the audit runs, and every run warns',
  proxy: 'HTTP_PROXY carries the SQLE requests; NO_PROXY bypasses it',
  'concurrency': 'concurrency: 1 keeps one request in flight to SQLE/DMS at a time',
  'retry-after': 'a 429 with Retry-After on a safe request is retried no sooner than asked',
} as const;
export type TransportCaseId = keyof typeof TRANSPORT_CASES;
