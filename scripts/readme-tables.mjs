#!/usr/bin/env node
// Generates the inputs and outputs tables of README.md from action.yml.
// `--check` exits 1 when README.md differs from what would be generated (CI runs it).
import fs from 'node:fs';
import { parse } from 'yaml';

const action = parse(fs.readFileSync('action.yml', 'utf8'));
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

const inputs = [
  '| input | required | default | description |',
  '| --- | --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, spec]) => `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${spec.default === undefined ? '' : `\`${cell(spec.default)}\``} | ${cell(spec.description)} |`,
  ),
].join('\n');
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`),
].join('\n');

const replaceBetween = (text, marker, body) => {
  const start = `<!-- ${marker}:start (generated from action.yml by npm run docs) -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
};

const readme = fs.readFileSync('README.md', 'utf8');
const generated = replaceBetween(replaceBetween(readme, 'inputs', inputs), 'outputs', outputs);
if (process.argv.includes('--check')) {
  if (generated !== readme) {
    console.error('README.md inputs/outputs tables differ from action.yml: run `npm run docs` and commit.');
    process.exit(1);
  }
  console.log('README.md tables match action.yml.');
} else {
  fs.writeFileSync('README.md', generated);
  console.log('README.md tables regenerated from action.yml.');
}
