// docs/example-*.md are what the README shows: rendered from the realistic report, kept in step
// with the renderers (update them with `vitest run test/report/examples.test.ts -u`).

import { describe, expect, it } from 'vitest';
import { commentMarker, renderComment } from '../../src/report/comment.js';
import { renderSummary } from '../../src/report/summary.js';
import { RUN_URL, realisticReport } from './fixtures.js';

describe('documentation examples', () => {
  it('docs/example-comment.md is the comment of the realistic report', async () => {
    const marker = commentMarker('SQLE audit\u0000default');
    await expect(renderComment(realisticReport('en'), marker, RUN_URL)).toMatchFileSnapshot('../../docs/example-comment.md');
  });

  it('docs/example-summary.md is the job summary of the realistic report', async () => {
    await expect(renderSummary(realisticReport('en'))).toMatchFileSnapshot('../../docs/example-summary.md');
  });
});
