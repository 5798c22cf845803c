// The domain model shared by every module: what an audit found and what DLI did.

/** SQLE rule levels, lowest to highest. `normal` findings are never annotated. */
export type Level = 'normal' | 'notice' | 'warn' | 'error';
export const LEVEL_RANK: Record<Level, number> = { normal: 0, notice: 1, warn: 2, error: 3 };

export type FailOn = 'error' | 'warn' | 'notice' | 'never';
export type Language = 'en' | 'zh';
export type Result = 'passed' | 'failed' | 'error';

/** One SQLE rule result, placed on the statement it belongs to. */
export interface Finding {
  /** Repository-relative path, '/'-separated. */
  file: string;
  /** 1-based, the statement's real span in the file as checked out. */
  startLine: number;
  endLine: number;
  level: Level;
  /** SQLE `rule_name`; '' for synthetic results (syntax errors, whitelist). */
  rule: string;
  /** Message in the chosen language. */
  message: string;
  /** The statement's text as it stands in the file (no leading comments). */
  sql: string;
  /** False when `report-lines: changed` and the statement touches no changed line. */
  onChangedLines: boolean;
}

export interface AuditedFile {
  path: string;
  statements: number;
  /** Set when the file could not be audited (binary, undecodable, refused symlink, record failed...). */
  error?: string;
  /** The encoding the file was read in, e.g. 'utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'. */
  encoding?: string;
}

/** One SQLE audit record (an audit may be split into several). */
export interface AuditRecord {
  id?: string;
  taskId?: number;
  url?: string;
  files: string[];
  statements: number;
  score?: number;
  passRate?: number;
  /** Set when SQLE refused or failed this record. */
  error?: string;
}

export interface LevelCounts { error: number; warn: number; notice: number; normal: number }

/** Everything the reporters need; built by the audit, completed by DLI when it runs. */
export interface Report {
  result: Result;
  failOn: FailOn;
  language: Language;
  files: AuditedFile[];
  findings: Finding[];
  records: AuditRecord[];
  statements: number;
  score: number;
  passRate: number;
  counts: LevelCounts;
  /** Problems that made the audit incomplete; non-empty means result 'error'. */
  errors: string[];
  /** Notes for the reader (e.g. "no SQL file changed"). */
  notes: string[];
  /** For links: `${serverUrl}/${repository}/blob/${headSha}/${path}#L1-L2`. */
  serverUrl: string;
  repository: string;
  headSha: string;
  /** Link to the run's job summary, when known. */
  runUrl?: string;
  dli?: DliReport;
}

export type DliMode = 'off' | 'check' | 'submit';
export type DliResult = 'skipped' | 'checked' | 'submitted' | 'failed';

export type DliStatementStatus =
  | 'finished' // ran on DLI and finished
  | 'already-applied' // a FINISHED job with the same tags exists: not submitted again
  | 'failed' | 'cancelled'
  | 'not-attempted' // after a failure or timeout
  | 'check-ok' | 'check-failed'
  | 'not-verifiable' // check: depends on DDL of the same change not applied yet
  | 'not-submitted'; // not DDL: listed, never sent

export interface DliStatement {
  file: string;
  startLine: number;
  endLine: number;
  sql: string;
  /** 'ddl' goes to DLI; anything else is listed as not submitted. */
  kind: 'ddl' | 'other';
  /** e.g. 'CREATE TABLE', 'INSERT', 'SET'. */
  verb: string;
  status: DliStatementStatus;
  jobId?: string;
  durationMs?: number;
  message?: string;
}

export interface DliReport {
  mode: DliMode;
  result: DliResult;
  statements: DliStatement[];
  jobIds: string[];
  /** Why nothing was submitted / what went wrong, for the summary. */
  reason?: string;
}
