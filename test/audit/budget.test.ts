import { describe, expect, it } from 'vitest';
import { createByteBudget } from '../../src/audit/budget.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createByteBudget', () => {
  it('runs tasks together while their bytes fit and the rest in arrival order as bytes free up', async () => {
    const within = createByteBudget(10);
    const started: string[] = [];
    const gates = { a: deferred(), b: deferred(), c: deferred(), d: deferred() };
    const run = (name: keyof typeof gates, bytes: number) =>
      within(bytes, async () => {
        started.push(name);
        await gates[name].promise;
      });
    const all = Promise.all([run('a', 6), run('b', 4), run('c', 5), run('d', 1)]);
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    gates.b.resolve();
    await new Promise((r) => setTimeout(r, 0));
    // d would fit, but c arrived first and waits for a.
    expect(started).toEqual(['a', 'b']);
    gates.a.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    gates.c.resolve();
    gates.d.resolve();
    await all;
  });

  it('runs a task heavier than the whole budget alone, and frees its bytes when it fails', async () => {
    const within = createByteBudget(10);
    await expect(within(50, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const order: number[] = [];
    await Promise.all([within(50, async () => void order.push(1)), within(5, async () => void order.push(2))]);
    expect(order).toEqual([1, 2]);
  });
});
