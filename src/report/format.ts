// Number, duration and table formatting for the markdown reports.

import type { Level } from '../model.js';

export const LEVEL_ICON: Record<Level, string> = { error: '🔴', warn: '🟠', notice: '🔵', normal: '⚪' };

/** SQLE's pass rate (a fraction, 0.4167) as a percentage with two decimals. */
export function percent(passRate: number): string {
  if (!Number.isFinite(passRate)) return '–';
  return `${(passRate * 100).toFixed(2)}%`;
}

export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '–';
}

export function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** `L4` or `L4–L9`. */
export function lineRange(startLine: number, endLine: number): string {
  return endLine > startLine ? `L${startLine}–L${endLine}` : `L${startLine}`;
}

/** A markdown table row; cells must already be escaped (no raw `|` or line break). */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function tableHead(headers: readonly string[], align?: readonly ('left' | 'right')[]): string[] {
  const rule = headers.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [tableRow(headers), tableRow(rule)];
}
