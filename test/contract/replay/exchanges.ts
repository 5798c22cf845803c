// The recorded real exchanges of ../shared/reference/sqle-real (index.json order).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RequestSummary {
  auth?: string;
  content_type?: string;
  json?: unknown;
  raw_body?: string;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  note?: string;
}

export interface Exchange {
  file: string;
  /** The number the file name starts with. */
  number: number;
  method: string;
  path: string;
  request: RequestSummary;
  status: number;
  response_headers: Record<string, string>;
  body_kind: 'json' | 'text';
  body: unknown;
  body_truncated?: string;
  concurrency?: { group: string; started_offset_s: number };
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the recordings live: $SQLE_REAL_DIR, else ../shared/reference/sqle-real beside the repository. */
export const REFERENCE_DIR = process.env.SQLE_REAL_DIR ?? path.resolve(repoRoot, '../shared/reference/sqle-real');
export const FILES_DIR = path.join(REFERENCE_DIR, 'files');

export function loadExchanges(): Exchange[] {
  const index = JSON.parse(readFileSync(path.join(REFERENCE_DIR, 'index.json'), 'utf8')) as { file: string }[];
  return index.map(({ file }) => {
    const recorded = JSON.parse(readFileSync(path.join(REFERENCE_DIR, file), 'utf8')) as Omit<Exchange, 'file' | 'number'>;
    return { ...recorded, file, number: Number(/^(\d+)_/.exec(file)?.[1]) };
  });
}

/** "body.data cut to its first 2 of 100 items ...": the number of items the server really returned. */
export function truncatedCount(exchange: Exchange): number | undefined {
  const m = exchange.body_truncated && /first \d+ of (\d+) items/.exec(exchange.body_truncated);
  return m ? Number(m[1]) : undefined;
}
