// The language SQLE answers in: the first zh/en tag of Accept-Language, Chinese by default.
import type { IncomingHttpHeaders } from 'node:http';

export type Lang = 'zh' | 'en';

export function requestLang(headers: IncomingHttpHeaders): Lang {
  const tags = String(headers['accept-language'] ?? '').split(',').map((t) => t.trim().toLowerCase().split(/[;-]/)[0]);
  return (tags.find((t) => t === 'zh' || t === 'en') as Lang | undefined) ?? 'zh';
}
