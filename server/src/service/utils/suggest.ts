/**
 * "Did you mean …?" — the candidate a person most likely meant: a case-only difference, then a
 * one-letter typo, then the candidate that shares the most *meaning* (words, weighted by how rare
 * they are among the candidates, and known synonyms such as ON_DEMAND = PAY_PER_REQUEST), then the
 * closest by edit distance if it is close enough.
 */
import { distance } from 'fastest-levenshtein';

/** Phrases that mean the same thing in AWS settings, each mapped to one token. */
const SYNONYMS: [RegExp, string][] = [
  [/\b(?:on demand|pay per request|per request)\b/g, '~on-demand'],
  [/\b(?:enabled?|true|yes)\b/g, '~on'],
  [/\b(?:disabled?|off|false)\b/g, '~off'],
  [/\b(?:dead letter(?: queue)?|dlq)\b/g, '~dead-letter'],
  [/\b(?:delete|remove)\b/g, '~remove'],
  [/\b(?:ip address|ip)\b/g, '~ip'],
];

/**
 * The words of names seen before: suggestions compare one name with the same candidates again
 * and again (e.g. all 1,800 resource type names for each unknown type). Emptied when full.
 */
const knownWords = new Map<string, ReadonlySet<string>>();
const KNOWN_WORDS_LIMIT = 20000;

function wordSet(name: string): ReadonlySet<string> {
  let words = knownWords.get(name);
  if (!words) {
    if (knownWords.size >= KNOWN_WORDS_LIMIT) knownWords.clear();
    words = new Set(wordsOf(name));
    knownWords.set(name, words);
  }
  return words;
}

/** The words of a name: camelCase, snake_case, kebab-case, dotted and `::` parts, lower case, synonyms folded. */
export function wordsOf(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .toLowerCase()
    .trim();
  let text = ` ${spaced} `;
  for (const [pattern, token] of SYNONYMS) text = text.replace(pattern, token);
  return [...new Set(text.split(' ').filter((w) => w !== ''))].map((w) =>
    w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w,
  );
}

/**
 * How much of their meaning `word` and each candidate share, 0..1: the weight of the shared words
 * over the weight of all their words, a word weighing more the fewer candidates contain it.
 */
export function meaningScores(word: string, candidates: readonly string[]): number[] {
  const own = wordSet(word);
  const words = candidates.map(wordSet);
  const frequency = new Map<string, number>();
  for (const set of words) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const weight = (w: string): number => Math.log((candidates.length + 1) / ((frequency.get(w) ?? 0) + 0.5));
  return words.map((set) => {
    let shared = 0;
    let total = 0;
    // The words of both, in the order of a union of the two (own first).
    for (const w of own) {
      const value = weight(w);
      total += value;
      if (set.has(w)) shared += value;
    }
    for (const w of set) if (!own.has(w)) total += weight(w);
    return total > 0 ? shared / total : 0;
  });
}

/** A meaning match must share at least this much, and beat every other candidate. */
const MEANING_THRESHOLD = 0.5;

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const others = [...new Set(candidates)].filter((c) => c !== word);
  if (others.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of others) {
    // The distance is at least the difference in length: such a candidate cannot do better.
    if (Math.abs(candidate.length - word.length) >= bestScore) continue;
    const c = candidate.toLowerCase();
    // A case-only difference is the best possible match.
    const score = c === lower ? 0 : distance(lower, c);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  // Case only, or one slip of a finger in a word long enough to tell.
  if (bestScore === 0 || (bestScore === 1 && word.length > 3)) return best;
  // What the word means: QueueArn → Arn (not QueueUrl), ON_DEMAND → PAY_PER_REQUEST.
  const meaning = meaningScores(word, others);
  const top = Math.max(...meaning);
  if (top >= MEANING_THRESHOLD && meaning.filter((m) => m === top).length === 1) {
    return others[meaning.indexOf(top)];
  }
  // Short words need a case-only match; longer ones allow about one edit per three letters.
  const longest = Math.max(word.length, best.length);
  const limit = longest <= 3 ? 0 : Math.max(1, Math.floor(longest / 3));
  return bestScore <= limit ? best : undefined;
}

/** The candidates ordered by how likely each is meant: shared meaning first, then fewest edits. */
export function rankByMeaning(word: string, candidates: readonly string[]): string[] {
  const lower = word.toLowerCase();
  const meaning = meaningScores(word, candidates);
  return candidates
    .map((c, index) => ({
      c,
      index,
      meaning: c.toLowerCase() === lower ? 2 : meaning[index],
      edits: distance(c.toLowerCase(), lower),
    }))
    .sort((x, y) => y.meaning - x.meaning || x.edits - y.edits || x.index - y.index)
    .map((x) => x.c);
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` Did you mean '${suggestion}'?` : '';
}

/** "A, B or C" with at most `max` items. */
export function listWords(words: readonly string[], max = 12): string {
  const shown = words.slice(0, max).map((w) => `'${w}'`);
  const rest = words.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}
