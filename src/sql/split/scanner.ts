// The statement loop every dialect shares: skip whitespace and comments, let the dialect read what
// starts there (a statement, or a client command such as DELIMITER, GO or a SQL*Plus line), and
// carry on where it says.
import { skipTrivia, type CommentSyntax } from './comments.js';
import { pushStatement, type Spans } from './spans.js';

export abstract class StatementScanner {
  /** Where scanning resumes after the statement the last `body` call ended. */
  private resume = 0;

  protected constructor(
    protected readonly text: string,
    private readonly comments: CommentSyntax,
  ) {}

  scan(): Spans {
    const { text, comments } = this;
    const n = text.length;
    const spans: Spans = [];
    let pos = 0;
    while (pos < n) {
      const start = skipTrivia(text, pos, comments);
      if (start >= n) break;
      pos = this.readAt(start, spans);
    }
    return spans;
  }

  /**
   * Reads what starts at `start` (its first token), records the statement it holds in `spans`, and
   * returns where scanning resumes. Dialects whose clients have commands of their own override it.
   */
  protected readAt(start: number, spans: Spans): number {
    pushStatement(spans, this.text, start, this.body(start));
    return this.resume;
  }

  /** Scans the statement starting at `start`; returns, through `stopAt`, where it stops. */
  protected abstract body(start: number): number;

  /** The statement stops at `stop` (its terminator or the end of the text); scanning resumes at `resume`. */
  protected stopAt(stop: number, resume: number): number {
    this.resume = resume;
    return stop;
  }
}
