// Recursive JSON shape comparison: same keys, same value types (null distinct), arrays element by
// element over the shorter length (their lengths are checked separately).

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function shapeDiff(expected: unknown, actual: unknown, at = '$'): string[] {
  const ke = kind(expected);
  const ka = kind(actual);
  if (ke !== ka) return [`${at}: expected ${ke}, got ${ka}`];
  if (ke === 'array') {
    const e = expected as unknown[];
    const a = actual as unknown[];
    return a.slice(0, e.length).flatMap((item, i) => shapeDiff(e[i], item, `${at}[${i}]`));
  }
  if (ke !== 'object') return [];
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const missing = Object.keys(e).filter((k) => !(k in a)).map((k) => `${at}.${k}: missing`);
  const extra = Object.keys(a).filter((k) => !(k in e)).map((k) => `${at}.${k}: unexpected`);
  const common = Object.keys(e).filter((k) => k in a).flatMap((k) => shapeDiff(e[k], a[k], `${at}.${k}`));
  return [...missing, ...extra, ...common];
}
