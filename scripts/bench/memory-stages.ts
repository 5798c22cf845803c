// Where a large file's peak memory goes: runs memory-stages-child.ts on it (the action's own modules,
// stage by stage) against a SQLE double in this process, and returns each stage's peak RSS.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startSqleDouble } from '../../test/doubles/sqle/index.js';
import type { StageMemory } from './memory-stages-child.js';

const CHILD = fileURLToPath(new URL('./memory-stages-child.ts', import.meta.url));

export interface MemoryBreakdown {
  baselineBytes: number;
  stages: StageMemory[];
}

/** Linux only (it reads and resets /proc/self's RSS high-water mark); undefined elsewhere. */
export async function memoryBreakdown(text: string): Promise<MemoryBreakdown | undefined> {
  if (!fs.existsSync('/proc/self/clear_refs')) return undefined;
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sqle-bench-mem-'));
  const sqle = await startSqleDouble();
  try {
    fs.mkdirSync(path.join(workspace, 'db'));
    fs.writeFileSync(path.join(workspace, 'db/big.sql'), text);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', CHILD, workspace, 'db/big.sql', sqle.url, sqle.generateAccessToken()],
      { maxBuffer: 1 << 20, env: { PATH: process.env['PATH'] ?? '' } },
    );
    return JSON.parse(stdout) as MemoryBreakdown;
  } finally {
    await sqle.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
