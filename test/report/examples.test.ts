// docs/example-*.md are what the README shows: rendered from the realistic report, kept in step
// with the renderers (update them with `vitest run test/report/examples.test.ts -u`).
// README.md quotes both; refresh its copies with
// `UPDATE_DOCS=1 npm exec -- vitest run test/report/examples.test.ts`.

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commentMarker, renderComment } from '../../src/report/comment.js';
import { renderSummary } from '../../src/report/summary.js';
import { REPO, RUN_URL, SERVER, realisticReport } from './fixtures.js';

const REPORTS_DOC = new URL('../../README.md', import.meta.url);

const exampleComment = (): string => renderComment(realisticReport('en'), commentMarker('SQLE audit\u0000default'), RUN_URL);
// As published: the 8 findings on changed lines and the failed DLI statement went to the check run.
const exampleSummary = (): string =>
  renderSummary(realisticReport('en'), { annotations: { via: 'checks', name: 'SQLE audit', written: 9, refused: 0, url: `${SERVER}/${REPO}/runs/28417390512` } });

/** `markdown` as a block quote, the way README.md shows a rendered example. */
function quoted(markdown: string): string {
  return markdown
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** The quoted example between its markers: group 1 is the start marker, group 2 the quote. */
function block(name: string): RegExp {
  return new RegExp(`(<!-- example:${name}:start[^>]*-->\\n)([\\s\\S]*?)\\n?<!-- example:${name}:end -->`);
}

/** Fails unless README.md quotes `markdown` between its `example:<name>` markers (or rewrites it with UPDATE_DOCS=1). */
function expectQuotedInReportsDoc(name: string, markdown: string): void {
  const doc = readFileSync(REPORTS_DOC, 'utf8');
  const pattern = block(name);
  expect(doc).toMatch(pattern);
  if (process.env['UPDATE_DOCS'] === '1') {
    writeFileSync(REPORTS_DOC, doc.replace(pattern, (_, start: string) => `${start}${quoted(markdown)}\n<!-- example:${name}:end -->`));
    return;
  }
  expect(pattern.exec(doc)?.[2], `README.md quotes an outdated ${name}: run UPDATE_DOCS=1 npm exec -- vitest run test/report/examples.test.ts`).toBe(quoted(markdown));
}

describe('documentation examples', () => {
  it('docs/example-comment.md is the comment of the realistic report', async () => {
    await expect(exampleComment()).toMatchFileSnapshot('../../docs/example-comment.md');
  });

  it('docs/example-summary.md is the job summary of the realistic report', async () => {
    await expect(exampleSummary()).toMatchFileSnapshot('../../docs/example-summary.md');
  });

  it('README.md quotes both examples as they render today', () => {
    expectQuotedInReportsDoc('comment', exampleComment());
    expectQuotedInReportsDoc('summary', exampleSummary());
  });
});
