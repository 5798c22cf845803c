// Go encoding/json error texts, as echo's binder wraps them, so bind errors read like the real
// servers' (recordings 24 and 56).

function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Walks a JSON text like Go's scanner; returns Go's syntax error, or undefined when valid. */
export function goJsonSyntaxError(text: string): { message: string; offset: number } | undefined {
  let i = 0;
  const fail = (context: string): never => {
    if (i >= text.length) throw new SyntaxFailure('unexpected end of JSON input', text.length);
    throw new SyntaxFailure(`invalid character ${quoteChar(text[i] as string)} ${context}`, i + 1);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  };
  const literal = (word: string): void => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k] as string)})`);
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= text.length) fail('');
      const c = text[i] as string;
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        if (!'"\\/bfnrtu'.includes(text[i] ?? '')) fail('in string escape code');
        if (text[i] === 'u') for (let k = 0; k < 4; k++) if (!/[0-9a-fA-F]/.test(text[++i] ?? '')) fail('in \\u hexadecimal character escape');
        i++;
      } else if (c < ' ') fail('in string literal');
      else i++;
    }
  };
  const number = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (/[1-9]/.test(text[i] ?? '')) while (/[0-9]/.test(text[i] ?? '')) i++;
    else fail('in numeric literal');
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail('after decimal point in numeric literal');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail('in exponent of numeric literal');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        string();
        ws();
        if (text[i] !== ':') fail('after object key');
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('after object key:value pair');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('after array element');
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || /[0-9]/.test(c ?? '')) number();
    else fail('looking for beginning of value');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('after top-level value');
    return undefined;
  } catch (err) {
    if (err instanceof SyntaxFailure) return { message: err.message, offset: err.offset };
    throw err;
  }
}

/** echo's wording of a JSON syntax error. */
export function echoSyntaxError(e: { message: string; offset: number }): string {
  return `code=400, message=Syntax error: offset=${e.offset}, error=${e.message}, internal=${e.message}`;
}

function goKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** Byte offset just after the value of top-level `key` in the raw text (where Go reports a type error). */
function offsetAfterValue(text: string, key: string, value: unknown): number {
  const at = text.indexOf(`"${key}"`);
  const colon = text.indexOf(':', at);
  const valueText = JSON.stringify(value);
  let start = colon + 1;
  while (' \t\r\n'.includes(text[start] ?? '')) start++;
  const length = typeof value === 'object' && value !== null ? valueText.length : (/^[^,}\]\s]+/.exec(text.slice(start))?.[0].length ?? valueText.length);
  return Buffer.byteLength(text.slice(0, start + length));
}

/** echo's wording of the first string field holding a non-string (null is fine, as in Go). */
export function echoTypeError(text: string, body: Record<string, unknown>, stringFields: readonly string[], struct: string): string | undefined {
  const field = stringFields.find((f) => f in body && body[f] !== null && typeof body[f] !== 'string');
  if (!field) return undefined;
  const got = goKind(body[field]);
  const offset = offsetAfterValue(text, field, body[field]);
  return `code=400, message=Unmarshal type error: expected=string, got=${got}, field=${field}, offset=${offset}, internal=json: cannot unmarshal ${got} into Go struct field ${struct}.${field} of type string`;
}
