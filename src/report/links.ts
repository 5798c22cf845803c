// Links into the repository at the head commit, and to the SQLE audit records.

import type { Report } from '../model.js';
import { encodePath, safeUrl } from './escape.js';

type Where = Pick<Report, 'serverUrl' | 'repository' | 'headSha'>;

/** `${serverUrl}/${repository}/blob/${headSha}/${path}#L${start}-L${end}`, or undefined without a usable server URL. */
export function lineUrl(where: Where, path: string, startLine: number, endLine: number): string | undefined {
  if (where.repository === '' || where.headSha === '') return undefined;
  const base = safeUrl(`${where.serverUrl.replace(/\/+$/, '')}/${encodePath(where.repository)}/blob/${encodePath(where.headSha)}/`);
  if (base === undefined) return undefined;
  const start = Math.max(1, Math.trunc(startLine));
  const end = Math.max(start, Math.trunc(endLine));
  return `${base}${encodePath(path)}#L${start}-L${end}`;
}

/** `[label](url)` when the URL is safe, else the label alone. `label` must already be escaped. */
export function markdownLink(label: string, url: string | undefined): string {
  const safe = safeUrl(url);
  return safe === undefined ? label : `[${label}](${safe})`;
}
