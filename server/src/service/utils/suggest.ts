/** "Did you mean …?" — the closest candidate by edit distance, if it is close enough. */
import { distance } from 'fastest-levenshtein';

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
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
  // Short words need a case-only match; longer ones allow about one edit per three letters.
  const longest = Math.max(word.length, best.length);
  const limit = longest <= 3 ? 0 : Math.max(1, Math.floor(longest / 3));
  return bestScore <= limit ? best : undefined;
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
