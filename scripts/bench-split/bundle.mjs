// Bundles the TypeScript splitter and decoder with esbuild into one temporary ES module, so the
// benchmark measures exactly the code the action ships.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundleSplitter(repoRoot) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-split-'));
  const outfile = join(dir, 'splitter.mjs');
  await build({
    stdin: {
      contents: "export { splitSql } from './src/sql/split/index.ts';\nexport { decodeSqlFile } from './src/sql/encoding.ts';\n",
      resolveDir: repoRoot,
      loader: 'ts',
      sourcefile: 'bench-entry.ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    outfile,
    logLevel: 'warning',
  });
  return { path: outfile, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
