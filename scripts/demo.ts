// npm run demo: a simulated pull request audited by the bundled action, as the runner runs it.
// SQLE is the bundled double unless SQLE_URL (and SQLE_TOKEN or SQLE_USERNAME/SQLE_PASSWORD) name a real one;
// the GitHub API is always the double, which records the check run and the comment.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGitHubDouble, type PrFile } from '../test/doubles/github/index.js';
import { startSqleDouble } from '../test/doubles/sqle/index.js';
import { pullRequestPayload, runAction } from '../test/e2e/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sampleDir = path.join(root, 'examples/sample-pr');
const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function sampleFiles(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, sampleFiles(path.join(dir, entry.name), rel));
    else files[rel] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return files;
}

async function sqleTarget(): Promise<{ inputs: Record<string, string>; label: string; close: () => Promise<void> }> {
  const env = process.env;
  if (env['SQLE_URL']) {
    const login: Record<string, string> = env['SQLE_TOKEN']
      ? { 'sqle-token': env['SQLE_TOKEN'] }
      : { 'sqle-username': env['SQLE_USERNAME'] ?? '', 'sqle-password': env['SQLE_PASSWORD'] ?? '' };
    return {
      inputs: { 'sqle-url': env['SQLE_URL'], ...login, 'sqle-project': env['SQLE_PROJECT'] ?? 'default', 'db-type': env['SQLE_DB_TYPE'] ?? 'MySQL' },
      label: `the real SQLE at ${env['SQLE_URL']}`,
      close: async () => {},
    };
  }
  const sqle = await startSqleDouble();
  return { inputs: { 'sqle-url': sqle.url, 'sqle-token': sqle.generateAccessToken() }, label: `the SQLE/DMS test double at ${sqle.url} (a simulation)`, close: () => sqle.close() };
}

const files = sampleFiles(sampleDir);
const prFiles: PrFile[] = Object.keys(files).map((filename) => ({ filename, status: 'added' }));
const github = await startGitHubDouble({ pull: { number: 7, headSha: HEAD, baseSha: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567', files: prFiles } });
const sqle = await sqleTarget();
try {
  console.log(`Auditing a simulated pull request of ${prFiles.length} files (examples/sample-pr) against ${sqle.label}.\n`);
  const result = await runAction({
    files,
    eventName: 'pull_request',
    payload: pullRequestPayload({ headSha: HEAD, changedFiles: prFiles.length }),
    githubApiUrl: github.url,
    inputs: sqle.inputs,
  });
  const run = github.checkRuns[0];
  console.log(`── Check run "${run?.name ?? '(none)'}": conclusion ${run?.conclusion ?? '-'}, ${run?.annotations.length ?? 0} annotations`);
  for (const a of run?.annotations ?? []) console.log(`  ${a.annotation_level.padEnd(7)} ${a.path}:${a.start_line}-${a.end_line}  ${a.title ?? ''}: ${a.message}`);
  for (const a of result.annotations) console.log(`  ${a.level.padEnd(7)} ${a.props['file']}:${a.props['line']}-${a.props['endLine']}  ${a.message}`);
  console.log('\n── Step outputs');
  for (const [name, value] of Object.entries(result.outputs)) console.log(`  ${name} = ${value}`);
  console.log(`\n── Exit code ${result.exitCode} (1 = findings at or above fail-on, or the audit could not be completed)`);
  console.log('\n── Job summary (markdown, as GitHub renders it on the run page)\n');
  console.log(result.summary);
  if (github.comments[0]) console.log(`── The pull-request comment (${github.comments[0].body.length} characters) was written too; see docs/example-comment.md for how it renders.`);
  if (!process.env['SQLE_URL']) console.log('\nThis was a simulation against the bundled doubles. Set SQLE_URL and SQLE_TOKEN (or SQLE_USERNAME and SQLE_PASSWORD) to audit the sample against a real SQLE.');
} finally {
  await Promise.all([sqle.close(), github.close()]);
}
