import fs from 'node:fs';

/**
 * A file's bytes as they are sent to SQLE: held in memory, or, for a large file, read back from
 * the checkout a range at a time, so that a 100 MB file is not held for the whole run.
 */
export interface FileContent {
  readonly length: number;
  /** Bytes [from, to) of the content. */
  read(from?: number, to?: number): Buffer;
}

export function inMemory(bytes: Buffer): FileContent {
  return { length: bytes.length, read: (from = 0, to = bytes.length) => bytes.subarray(from, to) };
}

/**
 * The content of an open file from byte `offset` on (past a byte-order mark). The descriptor stays
 * open for the run, so later reads see the file that was split, even if its path is replaced.
 */
export function onDisk(fd: number, offset: number, length: number): FileContent {
  return {
    length,
    read(from = 0, to = length) {
      const out = Buffer.allocUnsafe(Math.max(0, to - from));
      let done = 0;
      while (done < out.length) {
        const n = fs.readSync(fd, out, done, out.length - done, offset + from + done);
        if (n === 0) throw new Error(`the file changed while it was being audited (${out.length - done} bytes missing)`);
        done += n;
      }
      return out;
    },
  };
}
