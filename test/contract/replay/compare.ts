// Instance-specific values (ids, tokens, timestamps) that a replay cannot reproduce.

const VOLATILE = new Set(['task_id', 'exec_sql_id', 'sql_audit_record_id', 'created_at', 'create_time', 'token', 'access_token', 'token_expired_timestamp']);

export function stripVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripVolatile);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => !VOLATILE.has(k)).map(([k, v]) => [k, stripVolatile(v)]));
  return value;
}

/** The body with `data` cut to the first `n` items (the recordings keep only the first 2 of long listings). */
export function firstItems(body: unknown, n: number): unknown {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { data?: unknown }).data)) return body;
  return { ...body, data: ((body as { data: unknown[] }).data).slice(0, n) };
}
