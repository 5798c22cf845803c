// The statement loop every dialect shares: skip whitespace and comments, let the dialect read what
// starts there (a statement, or a client command such as DELIMITER, GO or a SQL*Plus line), and
// carry on where it says.
import { skipTrivia, type CommentSyntax } from './comments.js';
import { pushStatement, type Spans } from './spans.js';

/**
 * After each recorded statement: where scanning resumes and the dialect's state at that moment,
 * so that a later scan can start there (on a text that starts at or before that point).
 */
export class Checkpoints<State> {
  readonly resumes: number[] = [];
  readonly states: State[] = [];
}

/**
 * `State` is what the dialect carries from one statement to the next (MySQL: its delimiter). It
 * must be an immutable value: checkpoints keep it as it is.
 */
export abstract class StatementScanner<State = undefined> {
  /** Where scanning resumes after the statement the last `body` call ended. */
  private resume = 0;

  protected constructor(
    protected readonly text: string,
    private readonly comments: CommentSyntax,
    protected state: State,
  ) {}

  /**
   * Scans from `from` to the end of the text; records a checkpoint after each statement when
   * `checkpoints` is given. `from` must be a point where a scan of the whole script would resume
   * (the start, or a checkpoint), and `state` the state there.
   */
  scan(from = 0, state = this.state, checkpoints?: Checkpoints<State>): Spans {
    const { text, comments } = this;
    const n = text.length;
    const spans: Spans = [];
    this.state = state;
    let pos = from;
    while (pos < n) {
      const start = skipTrivia(text, pos, comments);
      if (start >= n) break;
      const recorded = spans.length;
      pos = this.readAt(start, spans);
      if (checkpoints !== undefined && spans.length > recorded) {
        checkpoints.resumes.push(pos);
        checkpoints.states.push(this.state);
      }
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
