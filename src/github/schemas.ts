// The parts of GitHub's answers the action reads, validated before use.
import { z } from 'zod';

export const diffEntrySchema = z.object({
  filename: z.string().min(1),
  status: z.enum(['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged']),
  previous_filename: z.string().optional(),
  patch: z.string().optional(),
});
export type DiffEntry = z.infer<typeof diffEntrySchema>;

export const diffEntriesSchema = z.array(diffEntrySchema);

export const pullRequestSchema = z.object({
  number: z.number().int(),
  changed_files: z.number().int().nonnegative(),
  head: z.object({ sha: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
  base: z.object({ sha: z.string() }),
});

export const comparisonSchema = z.object({
  total_commits: z.number().int().nonnegative(),
  commits: z.array(z.object({ sha: z.string().min(1) })),
  files: z.array(diffEntrySchema).optional(),
});

export const commitSchema = z.object({
  sha: z.string().min(1),
  files: z.array(diffEntrySchema).optional(),
});

export const checkRunSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  html_url: z.string().nullable(),
});

export const issueCommentSchema = z.object({
  id: z.number().int(),
  html_url: z.string(),
  body: z.string().nullish(),
});
export type IssueComment = z.infer<typeof issueCommentSchema>;

export const issueCommentsSchema = z.array(issueCommentSchema);

/** Parses `data` or throws an error naming what was being read. */
export function parseAnswer<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new Error(`GitHub's answer to ${what} is not what the GitHub API documents: ${z.prettifyError(parsed.error)}`);
}
