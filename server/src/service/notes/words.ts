/**
 * Word matching between a name from a file (`VisibilityTimeout`, `runtime-versions`,
 * `Fn::GetAtt`) and the text of a note: names are split at case changes, dashes, underscores and
 * `::` into words, words are reduced to a simple stem, and a bullet matches when it contains the
 * name itself, or its words in a row, or all (or most) of them.
 */

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'be', 'by', 'with',
  'as', 'at', 'it', 'its', 'if', 'fn', 'e', 'g', 'i', 'vs',
]);

/** Single words too common in AWS names to find a note with on their own. */
const GENERIC_WORDS = new Set([
  'name', 'type', 'id', 'arn', 'tag', 'key', 'value', 'description', 'enabled', 'enable',
  'propertie', 'property', 'version', 'mode', 'status', 'config', 'configuration', 'setting',
  'option', 'data', 'source', 'target', 'count', 'size', 'time', 'second', 'minute', 'path', 'file',
  'list', 'number', 'format', 'policy', 'role', 'url', 'uri', 'default', 'command', 'resource',
  'aws', 'amazon', 'detail', 'location', 'action', 'event', 'output', 'input', 'parameter',
]);

/** Abbreviations in notes (and names) read as their long form. */
const ALIASES: Record<string, string> = {
  sec: 'second',
  secs: 'second',
  seconds: 'second',
  msg: 'message',
  msgs: 'message',
  mins: 'minute',
  max: 'maximum',
  config: 'configuration',
  configs: 'configuration',
  env: 'environment',
  envs: 'environment',
  var: 'variable',
  vars: 'variable',
  param: 'parameter',
  params: 'parameter',
  repo: 'repository',
  repos: 'repository',
  db: 'database',
  info: 'information',
  auth: 'authentication',
  retain: 'retention',
  retained: 'retention',
  lasts: 'retention',
  last: 'retention',
  delayed: 'delay',
  delays: 'delay',
};

/** Splits text into words at spaces, punctuation, `::`, dashes, underscores and case changes. */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/[^A-Za-z0-9]+/)) {
    if (!chunk) continue;
    const parts = chunk.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*/g);
    out.push(...(parts ?? [chunk]));
  }
  return out;
}

/** A word's comparable form: lower case, long form of an abbreviation, simple plural removed. */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (ALIASES[w]) return ALIASES[w];
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return ALIASES[w] ?? w;
}

export interface Tokens {
  /** Normalised words in order. */
  words: string[];
  set: Set<string>;
  /** The text in lower case, for literal matches. */
  lower: string;
}

export function tokenize(text: string): Tokens {
  const words = splitWords(text).map(normalizeWord);
  return { words, set: new Set(words), lower: text.toLowerCase() };
}

/** Trailing words that only say a name is an identifier (`taskRoleArn` is about the task role). */
const IDENTIFIER_SUFFIXES = new Set(['arn', 'id', 'name', 'url', 'uri']);

export interface Term {
  /** The name as written in the file. */
  text: string;
  /** Its content words, normalised. */
  words: string[];
  /** The words without an identifier suffix, when two or more remain (`task role` for `taskRoleArn`). */
  core?: string[];
  /** Worth a search of the notes' text on its own (not a lone generic word). */
  distinctive: boolean;
}

export function makeTerm(text: string): Term {
  const words = splitWords(text)
    .filter((w) => !STOP_WORDS.has(w.toLowerCase()))
    .map(normalizeWord);
  const unique = [...new Set(words)];
  const specific = unique.filter((w) => !GENERIC_WORDS.has(w));
  const distinctive = unique.length >= 2 ? specific.length >= 1 : specific.length === 1 && specific[0].length >= 3;
  const core = IDENTIFIER_SUFFIXES.has(words[words.length - 1] ?? '') ? words.slice(0, -1) : undefined;
  return { text, words: unique, distinctive, core: core && core.length >= 2 ? core : undefined };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const literalCache = new Map<string, RegExp>();

/** The name written as such in the text (case-insensitive, not inside a longer name). */
export function containsLiteral(tokens: Tokens, text: string): boolean {
  const lower = text.toLowerCase();
  let pattern = literalCache.get(lower);
  if (!pattern) {
    pattern = new RegExp(`(^|[^a-z0-9_:-])${escapeRegExp(lower)}($|[^a-z0-9_-]|:(?!:))`);
    if (literalCache.size > 2000) literalCache.clear();
    literalCache.set(lower, pattern);
  }
  return pattern.test(tokens.lower);
}

function inARow(haystack: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * How well a text mentions a term: 3 the name itself, 2.5 its words in a row, 2 all its words,
 * 1.5 its words but an identifier suffix in a row, 1 most of them (names of three or more
 * words), 0 not at all.
 */
export function matchScore(term: Term, tokens: Tokens): number {
  if (containsLiteral(tokens, term.text)) return 3;
  if (!term.words.length) return 0;
  if (inARow(tokens.words, term.words)) return 2.5;
  const present = term.words.filter((w) => tokens.set.has(w));
  if (present.length === term.words.length) return term.words.length > 1 ? 2 : 0;
  if (term.core && inARow(tokens.words, term.core)) return 1.5;
  const specificPresent = present.filter((w) => !GENERIC_WORDS.has(w));
  if (term.words.length >= 3 && present.length >= Math.ceil((term.words.length * 2) / 3) && specificPresent.length >= 2) return 1;
  return 0;
}
