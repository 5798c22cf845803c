import { z } from 'zod';

/** SQLE/DMS reply envelope: business errors come as HTTP 200 with a non-zero code. */
export const envelope = z.object({ code: z.number(), message: z.string().optional().default('') }).loose();

export const loginReply = z.object({ data: z.object({ token: z.string().min(1) }) });

export const projectsReply = z.object({
  data: z.array(z.object({ uid: z.string(), name: z.string() }).loose()).nullable().default([]),
});

export const auditRecordReply = z.object({
  data: z.object({
    sql_audit_record_id: z.union([z.string(), z.number()]).transform(String),
    task: z
      .object({
        task_id: z.number(),
        audit_level: z.string().optional(),
        score: z.number().optional(),
        pass_rate: z.number().optional(),
        status: z.string().optional(),
      })
      .loose(),
  }),
});

const i18nInfo = z.record(z.string(), z.object({ Message: z.string().optional(), message: z.string().optional() }).loose());

export const ruleResult = z
  .object({
    level: z.string(),
    message: z.string().default(''),
    rule_name: z.string().default(''),
    i18n_audit_result_info: i18nInfo.nullable().optional(),
  })
  .loose();

export const taskSql = z
  .object({
    number: z.number(),
    exec_sql: z.string(),
    sql_source_file: z.string().optional(),
    sql_start_line: z.number().optional(),
    audit_level: z.string().default(''),
    audit_result: z.array(ruleResult).nullable().default(null),
  })
  .loose();

export const taskSqlsReply = z.object({
  data: z.array(taskSql).nullable().default([]),
  total_nums: z.number().default(0),
});

export type TaskSql = z.infer<typeof taskSql>;
export type RuleResult = z.infer<typeof ruleResult>;
