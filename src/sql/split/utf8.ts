// UTF-8 byte offsets of UTF-16 offsets, for offsets asked in increasing order. Only the runs of
// non-ASCII characters (found by a native regex search) are looked at one by one, so ASCII text
// costs almost nothing. A surrogate pair is 4 bytes; a lone surrogate 3 (it is written as U+FFFD).

const HIGH_MIN = 0xd800;
const LOW_MIN = 0xdc00;
const LOW_MAX = 0xdfff;

const isHigh = (c: number): boolean => c >= HIGH_MIN && c < LOW_MIN;
const isLow = (c: number): boolean => c >= LOW_MIN && c <= LOW_MAX;

/** Bytes beyond one per code unit that the units [from, to) take in UTF-8 (all are non-ASCII). */
function extraBytes(text: string, from: number, to: number): number {
  let extra = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x800) extra += 1;
    else if (isHigh(c)) extra += isLow(text.charCodeAt(i + 1)) ? 1 : 2;
    else if (isLow(c)) extra += isHigh(text.charCodeAt(i - 1)) ? 1 : 2;
    else extra += 2;
  }
  return extra;
}

export class Utf8Offsets {
  private readonly nonAscii = /[\u0080-\uffff]+/g;
  /** Extra bytes (beyond one per unit) of the text before `runStart`. */
  private extra = 0;
  /** The next non-ASCII run [runStart, runEnd) not yet counted. */
  private runStart = Infinity;
  private runEnd = Infinity;

  constructor(private readonly text: string) {
    this.findRun(0);
  }

  /** UTF-8 byte offset of UTF-16 offset `offset`; never smaller than the previous call's. */
  at(offset: number): number {
    while (this.runStart < offset) {
      const stop = Math.min(this.runEnd, offset);
      this.extra += extraBytes(this.text, this.runStart, stop);
      if (stop === this.runEnd) this.findRun(stop);
      else this.runStart = stop;
    }
    return offset + this.extra;
  }

  private findRun(from: number): void {
    this.nonAscii.lastIndex = from;
    const match = this.nonAscii.exec(this.text);
    this.runStart = match ? match.index : Infinity;
    this.runEnd = match ? match.index + match[0].length : Infinity;
  }
}
