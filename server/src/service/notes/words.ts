/**
 * Words of names and notes, shared by the hover's matching and the search index: names
 * (`VisibilityTimeout`, `runtime-versions`, `Fn::GetAtt`) and text are split at case changes,
 * dashes, underscores and `::` into words; a word is lower-cased, read as its long form when it is
 * an abbreviation (`secs`, `env`), and reduced to its Porter stem (`stemmer`). AWS shorthand is
 * read both ways: `RCU` also stands for "read capacity unit", and a name or query saying "dead
 * letter queue" finds a note saying `DLQ`, because both sides get the long words. A bullet
 * matches a name when it contains the name itself, or its words in a row, or all (or most) of them.
 */
import { stemmer } from 'stemmer';

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'be', 'by', 'with',
  'as', 'at', 'it', 'its', 'if', 'fn', 'e', 'g', 'i', 'vs', 's',
]);

/** Single words too common in AWS names to find a note with on their own (stemmed below). */
const GENERIC_SOURCE = [
  'name', 'type', 'id', 'arn', 'tag', 'key', 'value', 'description', 'enabled', 'enable',
  'propertie', 'property', 'version', 'mode', 'status', 'config', 'configuration', 'setting',
  'option', 'data', 'source', 'target', 'count', 'size', 'time', 'second', 'minute', 'path', 'file',
  'list', 'number', 'format', 'policy', 'role', 'url', 'uri', 'default', 'command', 'resource',
  'aws', 'amazon', 'detail', 'location', 'action', 'event', 'output', 'input', 'parameter',
  'specification', 'settings', 'properties', 'require', 'required',
];

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

/**
 * AWS shorthand and the words it stands for. Both a name and a note get the long words next to
 * the short one, so "read capacity units" finds "RCU" and `DLQ` finds "Dead-Letter Queue".
 */
const SHORTHAND: Record<string, string> = {
  rcu: 'read capacity unit',
  wcu: 'write capacity unit',
  cu: 'capacity unit',
  dlq: 'dead letter queue',
  asg: 'auto scaling group',
  alb: 'application load balancer',
  nlb: 'network load balancer',
  clb: 'classic load balancer',
  elb: 'elastic load balancer',
  lb: 'load balancer',
  az: 'availability zone',
  iam: 'identity access management',
  kms: 'key management service',
  ttl: 'time to live',
  sse: 'server side encryption',
  ecs: 'elastic container service',
  ecr: 'elastic container registry',
  ebs: 'elastic block store',
  efs: 'elastic file system',
  vpc: 'virtual private cloud',
  sqs: 'simple queue service',
  sns: 'simple notification service',
  ami: 'machine image',
  eni: 'elastic network interface',
  acm: 'certificate manager',
  sg: 'security group',
  mfa: 'multi factor authentication',
  cdn: 'content delivery network',
  ssm: 'systems manager',
  dax: 'dynamodb accelerator',
  kcl: 'kinesis client library',
  cli: 'command line interface',
};

/** Words that mean the same thing in these notes (stems → extra words). */
const SYNONYMS: Record<string, string> = {
  ram: 'memory',
  limit: 'maximum',
  redrive: 'dead letter queue',
  ephemeral: 'tmp',
  deduplication: 'duplication',
  autoscaling: 'auto scaling',
  kb: 'size',
  mb: 'size',
  gb: 'size',
  tb: 'size',
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

const stemCache = new Map<string, string>();

/** A word's comparable form: lower case, long form of an abbreviation, Porter stem. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  let stem = stemCache.get(lower);
  if (stem === undefined) {
    const long = ALIASES[lower] ?? lower;
    stem = /^[a-z]+$/.test(long) && long.length > 2 ? stemmer(long) : long;
    if (stemCache.size > 20_000) stemCache.clear();
    stemCache.set(lower, stem);
  }
  return stem;
}

function normalizedMap(source: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, words] of Object.entries(source)) {
    out.set(normalizeWord(key), words.split(' ').map(normalizeWord));
  }
  return out;
}

/** The normalised word tables, made on first use (a run that never looks up notes never stems). */
interface WordTables {
  generic: Set<string>;
  shorthand: Map<string, string[]>;
  synonyms: Map<string, string[]>;
}
let wordTables: WordTables | undefined;

function tables(): WordTables {
  if (!wordTables) {
    const shorthand = normalizedMap(SHORTHAND);
    const synonyms = normalizedMap(SYNONYMS);
    shorthand.forEach((_, key) => synonyms.delete(key));
    wordTables = { generic: new Set(GENERIC_SOURCE.map(normalizeWord)), shorthand, synonyms };
  }
  return wordTables;
}

/** The words a normalised word also stands for (its long form, a synonym), or nothing. */
export function expansions(word: string): readonly string[] {
  const { shorthand, synonyms } = tables();
  return shorthand.get(word) ?? synonyms.get(word) ?? [];
}

/** Normalised words of a text, each followed by what it stands for (no stop words). */
export function textWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of splitWords(text)) {
    if (STOP_WORDS.has(raw.toLowerCase())) continue;
    const word = normalizeWord(raw);
    out.push(word, ...expansions(word));
  }
  return out;
}

/** True for words too common in AWS names to look anything up with. */
export function isGenericWord(word: string): boolean {
  return tables().generic.has(word);
}

export interface Tokens {
  /** Normalised words in order. */
  words: string[];
  set: Set<string>;
  /** The text in lower case, for literal matches. */
  lower: string;
}

export function tokenize(text: string): Tokens {
  const words = textWords(text);
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
  const specific = unique.filter((w) => !isGenericWord(w));
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
  const specificPresent = present.filter((w) => !isGenericWord(w));
  if (term.words.length >= 3 && present.length >= Math.ceil((term.words.length * 2) / 3) && specificPresent.length >= 2) return 1;
  return 0;
}
