// The double's in-memory world: users, projects, access tokens, tasks and audit records.
import type { AuditedStatement } from './audit/engine.js';
import type { ReadFile, SqlSource } from './audit/inputs.js';
import type { TaskSummary } from './audit/score.js';

export interface User {
  uid: string;
  name: string;
  password: string;
  disabled: boolean;
  /** The only access token DMS/SQLE accept for this user (gen_token replaces it). */
  accessToken?: string;
  accessTokenExpiresAt?: number;
}

export interface Project {
  uid: string;
  name: string;
  members: string[];
  archived: boolean;
  createTime: string;
}

export interface Instance {
  name: string;
  dbType: string;
  project: string;
}

export interface TaskRow extends AuditedStatement {
  execSqlId: number;
  number: number;
}

export interface Task {
  id: number;
  instanceName: string;
  dbType: string;
  schema: string;
  sqlSource: SqlSource;
  summary: TaskSummary;
  rows: TaskRow[];
}

export interface AuditRecord {
  id: string;
  taskId: number;
  project: string;
  creator: string;
  createdAt: string;
  files: ReadFile[];
  statements: number;
  /** ms since the double started. */
  startedAt: number;
  endedAt: number;
}

/** Snowflake-like ids (Twitter epoch, 22 low bits of sequence), as SQLE's record ids look. */
export function snowflakeIds(): () => string {
  const epoch = 1288834974657n;
  let last = 0n;
  let seq = 0n;
  return () => {
    const now = BigInt(Date.now());
    seq = now === last ? seq + 1n : 0n;
    last = now;
    return (((now - epoch) << 22n) | (1n << 12n) | (seq & 0xfffn)).toString();
  };
}

export class DoubleState {
  readonly users = new Map<string, User>();
  readonly projects: Project[] = [];
  readonly instances: Instance[] = [];
  readonly tasks = new Map<number, Task>();
  readonly records: AuditRecord[] = [];
  private lastTaskId = 0;
  private lastExecSqlId = 0;
  readonly nextRecordId = snowflakeIds();

  /** Every audit (successful or not, direct audits too) uses up a task id, as in SQLE. */
  nextTaskId(): number {
    return ++this.lastTaskId;
  }

  nextExecSqlId(): number {
    return ++this.lastExecSqlId;
  }

  userByName(name: string): User | undefined {
    return [...this.users.values()].find((u) => u.name === name);
  }

  projectByName(name: string): Project | undefined {
    return this.projects.find((p) => p.name === name);
  }
}
