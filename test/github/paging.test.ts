import { describe, expect, it } from 'vitest';
import { collectPages, pageNumber, parseLinkHeader, type Page } from '../../src/github/paging.js';

describe('parseLinkHeader', () => {
  it('reads next and last', () => {
    const links = parseLinkHeader('<https://api.github.com/repositories/1/pulls/2/files?per_page=100&page=2>; rel="next", <https://api.github.com/repositories/1/pulls/2/files?per_page=100&page=30>; rel="last"');
    expect(pageNumber(links.next)).toBe(2);
    expect(pageNumber(links.last)).toBe(30);
  });

  it('returns nothing for a missing or odd header', () => {
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader('garbage')).toEqual({});
    expect(pageNumber('not a url ::')).toBeUndefined();
  });
});

/** A listing of `total` numbers, `perPage` a page, that records the pages asked for. */
function listing(total: number, perPage: number) {
  const asked: number[] = [];
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const fetchPage = async (page: number): Promise<Page<number>> => {
    asked.push(page);
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) }, (_, i) => (page - 1) * perPage + i);
    const link = (n: number) => `https://x/y?page=${n}`;
    return { items, links: page < lastPage ? { next: link(page + 1), last: link(lastPage) } : {} };
  };
  return { asked, fetchPage };
}

describe('collectPages', () => {
  it('reads the last page from the first and asks for the others together', async () => {
    const { asked, fetchPage } = listing(250, 100);
    expect(await collectPages(fetchPage)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(asked).toEqual([1, 2, 3]);
  });

  it('asks for every expected page at once when the count is known', async () => {
    const { asked, fetchPage } = listing(300, 100);
    await collectPages(fetchPage, { totalPages: 3 });
    expect(asked).toEqual([1, 2, 3]);
  });

  it('catches up when the count was too low', async () => {
    const { asked, fetchPage } = listing(550, 100);
    expect(await collectPages(fetchPage, { totalPages: 2 })).toHaveLength(550);
    expect(asked).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('never asks past maxPages', async () => {
    const { asked, fetchPage } = listing(5000, 100);
    expect(await collectPages(fetchPage, { maxPages: 30 })).toHaveLength(3000);
    expect(Math.max(...asked)).toBe(30);
  });
});
