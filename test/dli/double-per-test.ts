// A DLI double per test: tests start their own, and every double started is closed after its test.
import { afterEach } from 'vitest';
import { startDliDouble, type DliDouble, type DliDoubleOptions } from '../doubles/dli/index.js';

/** Call at the top level of a test file; returns the function that starts a double for a test. */
export function dliDoublePerTest(): (options?: DliDoubleOptions) => Promise<DliDouble> {
  const started: DliDouble[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((double) => double.close()));
  });
  return async (options = {}) => {
    const double = await startDliDouble(options);
    started.push(double);
    return double;
  };
}
