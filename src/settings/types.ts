import type { DliMode, FailOn, Language } from '../model.js';

export interface SqleSettings {
  url: URL;
  /** Exactly one of token or username+password. */
  token?: string;
  username?: string;
  password?: string;
  project: string;
  instanceName?: string;
  instanceSchema?: string;
  dbType: string;
  ruleTemplate?: string;
}

export interface DliSettings {
  mode: DliMode;
  /** Globs of the files whose statements go to DLI. */
  files: string[];
  region: string;
  projectId?: string;
  endpoint: URL;
  iamEndpoint: URL;
  queue?: string;
  database?: string;
  /** AK/SK signing (optionally with temporary credentials) or IAM password login. */
  auth:
    | { kind: 'aksk'; ak: string; sk: string; securityToken?: string }
    | { kind: 'password'; username: string; password: string; domain: string };
  timeoutSeconds: number;
}

export interface HttpSettings {
  timeoutSeconds: number;
  concurrency: number;
  caCert?: string;
  insecureSkipTlsVerify: boolean;
}

export interface Settings {
  sqle: SqleSettings;
  language: Language;
  files: string[];
  scope: 'changed' | 'all';
  reportLines: 'changed' | 'all';
  failOn: FailOn;
  githubToken: string;
  annotations: 'checks' | 'commands' | 'auto' | 'off';
  checkName: string;
  comment: 'on' | 'off' | 'auto';
  summary: boolean;
  sarifFile?: string;
  /** Undefined when dli-mode is off. */
  dli?: DliSettings;
  http: HttpSettings;
}
