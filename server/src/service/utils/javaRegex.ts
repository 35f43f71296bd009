/**
 * Java (and Python) regular expressions → JavaScript. CloudFormation evaluates AllowedPattern and
 * the resource provider schemas' patterns with Java's engine; JavaScript lacks some of its syntax.
 * What has a faithful or more permissive JavaScript form is rewritten (possessive quantifiers and
 * atomic groups become greedy ones, which match a superset; `\A` `\Z` `\z` become anchors);
 * anything else (POSIX classes such as `\p{Alpha}`, inline flags in the middle, `\G`) yields
 * undefined, so the caller skips the check instead of reporting a false error.
 *
 * The schema generator uses this module too (scripts/cfn-provider-constraints.mjs loads it through
 * scripts/import-ts.mjs) for the provider schemas' patterns: keep it self-contained.
 */

export interface TranslatedRegex {
  source: string;
  flags: string;
}

/** The JavaScript form of a Java pattern, or undefined when it cannot be expressed faithfully. */
export function translateJavaRegex(pattern: string): TranslatedRegex | undefined {
  let source = pattern;
  let flags = 'u';
  const leadingFlags = /^\(\?([imsx]+)\)/.exec(source);
  if (leadingFlags) {
    if (leadingFlags[1].includes('x')) return undefined;
    flags += leadingFlags[1];
    source = source.slice(leadingFlags[0].length);
  }
  if (/\(\?[a-z-]+[):]/.test(source.replace(/\\./g, ''))) return undefined; // inline flags elsewhere
  if (
    /\\[GRhHX]|\\p\{(Alpha|Alnum|Punct|Graph|Print|Blank|Cntrl|XDigit|Space|Lower|Upper|ASCII|Digit|java|Is)/.test(
      source,
    )
  )
    return undefined;
  if (/\[\[:/.test(source) || /&&/.test(source)) return undefined; // POSIX bracket classes, class intersection
  source = rewrite(source);
  for (const candidate of [flags, flags.replace('u', '')]) {
    try {
      new RegExp(source, candidate);
      return { source, flags: candidate };
    } catch {
      // try the next flags
    }
  }
  return undefined;
}

/**
 * Possessive quantifiers → greedy, atomic groups → plain groups, `\A` `\Z` `\z` → anchors; escapes
 * JavaScript's `u` mode rejects → literals. One pass, so an escaped backslash before `A` stays literal.
 */
function rewrite(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      const next = source[i + 1];
      i++;
      if (next === 'A') out += '^';
      else if (next === 'Z' || next === 'z') out += '$';
      else if (/[A-Za-z0-9]/.test(next) || '^$\\.*+?()[]{}|/'.includes(next) || (inClass && next === '-')) {
        out += `\\${next}`;
      } else {
        // An identity escape of a punctuation character: JavaScript's `u` mode wants it bare.
        out += inClass && next === '^' ? '\\^' : next;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += `\\${source[++i]}`; // a leading ] is literal in Java
      continue;
    }
    if (c === '(' && source.startsWith('(?>', i)) {
      out += '(?:';
      i += 2;
      continue;
    }
    out += c;
    // A quantifier followed by `+` is possessive in Java: JavaScript's greedy form matches a superset.
    if ('*+?}'.includes(c) && source[i + 1] === '+' && source[i - 1] !== '(') i++;
  }
  return out;
}
