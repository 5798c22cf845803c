// GitHub's page-based pagination: `per_page` (default 30, at most 100) and `page`, with a Link header.

export interface PageRequest {
  perPage: number;
  page: number;
  /** True when the request named `per_page` or `page` (some endpoints answer differently then). */
  explicit: boolean;
}

export function pageRequest(query: URLSearchParams, defaultPerPage = 30, maxPerPage = 100): PageRequest {
  const perPage = positiveInt(query.get('per_page'));
  const page = positiveInt(query.get('page'));
  return {
    perPage: perPage === undefined ? defaultPerPage : Math.min(perPage, maxPerPage),
    page: page ?? 1,
    explicit: query.has('per_page') || query.has('page'),
  };
}

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

export function pageOf<T>(items: readonly T[], { perPage, page }: PageRequest): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/** `<url>; rel="next", <url>; rel="last"` (and prev/first past page 1); empty when one page holds everything. */
export function linkHeader(baseUrl: string, path: string, query: URLSearchParams, total: number, { perPage, page }: PageRequest): string {
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const at = (n: number): string => {
    const q = new URLSearchParams(query);
    q.set('per_page', String(perPage));
    q.set('page', String(n));
    return `<${baseUrl}${path}?${q.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.join(', ');
}

/** Headers for a page of a list: the Link header when there is more than one page. */
export function pageHeaders(baseUrl: string, path: string, query: URLSearchParams, total: number, req: PageRequest): Record<string, string> {
  const link = linkHeader(baseUrl, path, query, total, req);
  return link ? { link } : {};
}
