// Page-numbered listings: once the number of pages is known (a count the caller has, or the Link
// header's `last`), the remaining pages go out together; a stale count is caught by following `next`.
import type { GitHub, GitHubResponse } from './client.js';

export type Links = Partial<Record<'next' | 'last' | 'prev' | 'first', string>>;

export interface Page<T> {
  items: T[];
  links: Links;
}

/** Parses `<url>; rel="next", <url>; rel="last"`. */
export function parseLinkHeader(header: string | number | undefined): Links {
  const links: Links = {};
  if (typeof header !== 'string') return links;
  for (const part of header.split(',')) {
    const m = /<([^>]*)>\s*;\s*rel="?([a-z]+)"?/i.exec(part.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) {
      const rel = m[2].toLowerCase();
      if (rel === 'next' || rel === 'last' || rel === 'prev' || rel === 'first') links[rel] = m[1];
    }
  }
  return links;
}

export function pageNumber(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const n = Number(new URL(url, 'http://link.invalid').searchParams.get('page'));
    return Number.isInteger(n) && n >= 1 ? n : undefined;
  } catch {
    return undefined;
  }
}

export function pagesFor(items: number, perPage: number): number {
  return Math.max(1, Math.ceil(items / perPage));
}

/** A page fetcher for `route`, sending `per_page` and `page`, reading the items with `parse`. */
export function pageFetcher<T>(gh: GitHub, route: string, params: Record<string, unknown>, perPage: number, parse: (res: GitHubResponse) => T[]) {
  return async (page: number): Promise<Page<T>> => {
    const res = await gh.request(route, { ...params, per_page: perPage, page });
    return { items: parse(res), links: parseLinkHeader(res.headers['link']) };
  };
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

export interface CollectOptions<T> {
  /** Pages expected, when a count is known before the first request. */
  totalPages?: number;
  /** The first page, when already fetched. */
  first?: Page<T>;
  /** Never ask beyond this page (GitHub's listing caps). */
  maxPages?: number;
}

/** Every item of every page, in page order. */
export async function collectPages<T>(fetchPage: (page: number) => Promise<Page<T>>, opts: CollectOptions<T> = {}): Promise<T[]> {
  const maxPages = opts.maxPages ?? 1000;
  const pages: Page<T>[] = [];
  const fetchRange = async (from: number, to: number): Promise<void> => {
    pages.push(...(await Promise.all(range(from, Math.min(to, maxPages)).map(fetchPage))));
  };

  if (opts.first) pages.push(opts.first);
  if (opts.totalPages !== undefined) await fetchRange(pages.length + 1, opts.totalPages);
  else if (!opts.first) await fetchRange(1, 1);

  const announced = pageNumber(pages[0]?.links.last);
  if (announced !== undefined && announced > pages.length) await fetchRange(pages.length + 1, announced);

  // The list may have grown since it was counted: follow `next` past the pages expected.
  for (let next = pageNumber(pages.at(-1)?.links.next); next !== undefined && next > pages.length && next <= maxPages; ) {
    const page = await fetchPage(pages.length + 1);
    pages.push(page);
    next = page.items.length > 0 ? pageNumber(page.links.next) : undefined;
  }
  return pages.flatMap((p) => p.items);
}
