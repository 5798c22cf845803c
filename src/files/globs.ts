import picomatch from 'picomatch';

/**
 * A matcher for newline-separated globs where later patterns win: `**\/*.sql` then `!legacy/**`
 * excludes legacy files, and a later positive pattern can include some back.
 */
export function createGlobMatcher(globs: readonly string[]): (path: string) => boolean {
  const rules = globs.map((glob) => {
    const negated = glob.startsWith('!');
    const pattern = (negated ? glob.slice(1) : glob).replace(/^\.\//, '');
    return { negated, test: picomatch(pattern, { dot: true }) };
  });
  return (path) => {
    let included = false;
    for (const rule of rules) if (rule.negated ? included : !included) if (rule.test(path)) included = !rule.negated;
    return included;
  };
}

/** Whether the globs can select MyBatis mapper XML at all. */
export function globsSelectXml(globs: readonly string[]): boolean {
  return globs.some((g) => !g.startsWith('!') && /xml/i.test(g));
}

export const isXmlPath = (path: string): boolean => /\.xml$/i.test(path);
