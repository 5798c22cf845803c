#!/usr/bin/env node
// Writes what the reliability tests cover, with their counts, into README.md (and any
// other file given that holds the markers), computed from the tables the tests run:
// test/e2e/matrix.ts, test/e2e/hostile-table.ts and test/e2e/secret-table.ts.
// `--check` exits 1 when a file differs from what would be written (CI runs it).
//
//   node scripts/reliability-counts.mjs [--check] [file...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => tsImport(path.join(root, file), import.meta.url);
const { ENDPOINTS, FAULTS, FAULT_CASES, NOT_APPLICABLE, TRANSPORT_CASES } = await load('test/e2e/matrix.ts');
const { BAD_INPUT_CASES, INPUT_CASES } = await load('test/e2e/hostile-table.ts');
const { SECRET_SCENARIOS, SECRET_MODES, SECRET_FORMS, SECRET_PENDING } = await load('test/e2e/secret-table.ts');

const START = '<!-- reliability-counts:start (generated from the test tables by npm run docs) -->';
const END = '<!-- reliability-counts:end -->';

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const ticks = (text) => text.replace(/\|/g, '\\|');

function faultSection() {
  const faults = Object.keys(FAULTS);
  const services = [...new Set(Object.values(ENDPOINTS).map((e) => e.service))];
  const pending = FAULT_CASES.filter((c) => c.pending);
  const cell = (endpoint, fault) => {
    const c = FAULT_CASES.find((x) => x.endpoint === endpoint && x.fault === fault);
    if (!c) return 'n/a';
    if (c.pending) return 'pending';
    return { recovers: 'recovers', 'audit-error': c.outcome.kept === 'before-fault' ? 'error, kept' : 'error', degrades: 'warns', 'dli-failed': 'DLI failed' }[c.outcome.kind];
  };
  const header = `| service | request | ${faults.map((f) => ticks(FAULTS[f])).join(' | ')} |`;
  const rule = `| --- | --- | ${faults.map(() => '---').join(' | ')} |`;
  const rows = Object.values(ENDPOINTS).map((e) => `| ${e.service} | ${e.title} | ${faults.map((f) => cell(e.id, f)).join(' | ')} |`);
  return [
    `**Fault injection, end to end** (\`test/e2e/faults.test.ts\`): ${plural(faults.length, 'fault')} × ${plural(services.length, 'service')} ` +
      `(${services.join(', ')}; ${plural(Object.keys(ENDPOINTS).length, 'request')}) = ${plural(FAULT_CASES.length, 'case')} run against \`node dist/index.js\`` +
      `${pending.length ? `, ${pending.length} of them pending` : ''}; ${plural(NOT_APPLICABLE.length, 'combination')} do not apply (the table says why in the test). ` +
      'Each asserts the message (the service; for SQLE, DMS, DLI and IAM the method and path; what came back), the `result` output, the exit code, ' +
      'and that the summary and `report-file` still hold every finding made before the fault.',
    '',
    '_recovers_: retried and ends as without the fault; _error_: `result: error`, exit 1; _error, kept_: the same, with the findings of the audit record completed before the fault still reported; ' +
      '_warns_: a warning, the result and every finding stand; _DLI failed_: `dli-result: failed`, exit 1, the SQLE result stands.',
    '',
    header,
    rule,
    ...rows,
    '',
    `**HTTP layer settings, end to end**: ${plural(Object.keys(TRANSPORT_CASES).length, 'case')}.`,
    '',
    ...Object.values(TRANSPORT_CASES).map((d) => `- ${d}`),
  ];
}

function inputSection() {
  const pending = INPUT_CASES.filter((c) => c.pending);
  const inputs = new Set(INPUT_CASES.map((c) => c.input));
  return [
    `**Bad and hostile pull-request content** (\`test/e2e/hostile-input.test.ts\`): ${plural(Object.keys(BAD_INPUT_CASES).length, 'case')}.`,
    '',
    ...Object.values(BAD_INPUT_CASES).map((d) => `- ${d}`),
    '',
    `**Inputs given a wrong value**: ${plural(INPUT_CASES.length, 'case')} over ${plural(inputs.size, 'input')}${pending.length ? ` (${pending.length} pending)` : ''}; ` +
      'each fails the step before any request, with a message naming the input and what is allowed. ' +
      `${INPUT_CASES.filter((c) => c.event).length} of them are the inputs refused on \`pull_request_target\`.`,
  ];
}

function secretSection() {
  const ids = Object.keys(SECRET_SCENARIOS);
  const pending = ids.filter((id) => SECRET_PENDING[id]);
  return [
    `**Secrets** (\`test/e2e/secrets.test.ts\`): ${plural(ids.length, 'scenario')} × ${SECRET_MODES.length} modes (${SECRET_MODES.join(', ')}) = ${plural(ids.length * SECRET_MODES.length, 'run')}` +
      `${pending.length ? `, ${pending.length * SECRET_MODES.length} of them pending` : ''}. ` +
      `Every password, token, secret key and security token is looked for in ${SECRET_FORMS.length} forms (${SECRET_FORMS.join(', ')}) in stdout, stderr, the outputs, ` +
      'the summary, the report file, the SARIF file, every other file of the run, the comments and check runs, and every request sent to GitHub.',
    '',
    ...ids.map((id) => `- ${SECRET_SCENARIOS[id]}${SECRET_PENDING[id] ? ' _(pending)_' : ''}`),
  ];
}

const body = [...faultSection(), '', ...inputSection(), '', ...secretSection()].join('\n');

function generated(text, file) {
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${file} lacks the markers ${START} … ${END}`);
  return `${text.slice(0, from + START.length)}\n${body}\n${text.slice(to)}`;
}

const check = process.argv.includes('--check');
const files = process.argv.slice(2).filter((a) => a !== '--check');
let stale = 0;
for (const file of files.length ? files : ['README.md']) {
  const full = path.resolve(root, file);
  const text = fs.readFileSync(full, 'utf8');
  const next = generated(text, file);
  if (check) {
    if (next !== text) {
      console.error(`${file}: the reliability counts differ from the test tables: run \`npm run docs\` and commit.`);
      stale += 1;
    } else console.log(`${file}: the reliability counts match the test tables.`);
  } else {
    fs.writeFileSync(full, next);
    console.log(`${file}: reliability counts written from the test tables.`);
  }
}
process.exit(stale > 0 ? 1 : 0);
