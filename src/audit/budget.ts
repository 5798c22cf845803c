/**
 * Bounds the bytes held by tasks running at once: a task waits, in arrival order, until its weight
 * fits beside the others; one task heavier than the whole budget runs alone.
 */
export function createByteBudget(limit: number): <T>(bytes: number, task: () => Promise<T>) => Promise<T> {
  let used = 0;
  let running = 0;
  const queue: { bytes: number; start: () => void }[] = [];
  const fits = (bytes: number): boolean => running === 0 || used + bytes <= limit;
  const admitWaiting = (): void => {
    while (queue.length > 0 && fits((queue[0] as { bytes: number }).bytes)) {
      const next = queue.shift() as { bytes: number; start: () => void };
      used += next.bytes;
      running += 1;
      next.start();
    }
  };
  return async <T>(bytes: number, task: () => Promise<T>): Promise<T> => {
    if (queue.length === 0 && fits(bytes)) {
      used += bytes;
      running += 1;
    } else await new Promise<void>((start) => queue.push({ bytes, start }));
    try {
      return await task();
    } finally {
      used -= bytes;
      running -= 1;
      admitWaiting();
    }
  };
}
