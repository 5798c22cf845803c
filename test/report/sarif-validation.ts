// The two SARIF 2.1.0 checks shared by the renderer tests and the end-to-end tests: the official
// schema (the file Microsoft's SARIF Multitool ships) through Ajv, and `Sarif.Multitool validate`.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
const multitool = require('@microsoft/sarif-multitool') as string;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const validateSchema = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

/** What the SARIF 2.1.0 schema finds wrong with `log` (strict: the Multitool's own check is lenient). */
export function sarifSchemaErrors(log: unknown): string[] {
  return validateSchema(log) ? [] : (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/**
 * Runs `Sarif.Multitool validate` on `log` and returns the errors it reports; throws when the
 * Multitool itself fails to run.
 */
export function multitoolErrors(log: unknown, name: string): string[] {
  const workDir = mkdtempSync(path.join(tmpdir(), 'sarif-validate-'));
  try {
    const input = path.join(workDir, `${name}.sarif`);
    const output = path.join(workDir, `${name}.validation.sarif`);
    writeFileSync(input, JSON.stringify(log, null, 2));
    const child = spawnSync(multitool, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--quiet'], { encoding: 'utf8', timeout: 60_000 });
    if (child.status !== 0) throw new Error(`Sarif.Multitool validate exited with ${String(child.status)}: ${child.stderr}${child.stdout}`);
    const validation = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: unknown }[] }[] };
    return (validation.runs[0]?.results ?? []).filter((r) => r.level === 'error').map((r) => `${r.ruleId} ${JSON.stringify(r.message)}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
