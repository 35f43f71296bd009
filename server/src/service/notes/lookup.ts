/**
 * Finding what the notes say about a name. Sections come first from topics (a heading's
 * `<!-- topics -->`, then the note's front matter), then from heading text, then from the text of
 * bullets; they are kept only when they fit the resource types around the cursor (a match in the
 * text alone must be in a section about those types, or in the user's own notes without topics).
 * Inside a section the search index (search.ts, BM25) ranks the bullets about the name; the best
 * few are shown, weaker ones are left out, and a section the topics name but whose bullets do not
 * mention the name shows its start. Names around the cursor (the parent keys) only refine the
 * bullets of a section the name itself found: they never find a section on their own.
 */
import type { NoteBullet, NoteFile, NoteHeading } from './model';
import { flattenBullets, sectionHeadings } from './model';
import type { NotesSearchIndex, SearchHit } from './search';
import { GENERIC_BOOST, nameWords } from './search';
import { anyTopicMatches, headingsWithTopic, relevance, sectionForService } from './topics';
import type { Term, Tokens } from './words';
import { expansions, isGenericWord, makeTerm, matchScore, normalizeWord, splitWords, tokenize } from './words';
import { headingChain } from './model';
import { servicePrefix } from './topics';

export interface NotesQuery {
  /**
   * A value under the cursor (`binpack`, `gp2`), looked up when no bullet mentions the key, and
   * only where a topic or a heading names it: free text in bullets is too loose a match for values.
   */
  value?: string;
  /** Names to look up, most specific first (the key under the cursor, then its parents). */
  terms: string[];
  /** Other words that find the right bullets when the name alone does not (`pseudo-parameter`). */
  related?: string[];
  /** The resource types around the cursor (or standing for the file's kind). */
  resourceTypes?: string[];
  /** Only the section (a resource type's hover shows the start of its section). */
  sectionOnly?: boolean;
  /** Bullets in the main excerpt (default 3). */
  maxBullets?: number;
}

export interface NoteExcerpt {
  note: NoteFile;
  /** The section (undefined for a note without headings). */
  heading: NoteHeading | undefined;
  /** The bullets to show; empty to show the start of the section. */
  bullets: NoteBullet[];
  /** The name that found it. */
  term: string;
  /** How many more bullets about the name the section has than are shown. */
  more: number;
  /** A bullet shown has every word of the name (not only some of them). */
  complete?: boolean;
}

/** Where a candidate section came from, strongest first. */
const enum Source {
  HeadingTopic = 0,
  NoteTopic = 1,
  HeadingText = 2,
  BulletText = 3,
}

interface Candidate {
  note: NoteFile;
  heading: NoteHeading | undefined;
  /** Search the whole note rather than the section. */
  wholeNote: boolean;
  source: Source;
  level: number;
}

const RESOURCE_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

function hasTopics(note: NoteFile): boolean {
  return note.topics.length > 0 || note.headings.some((h) => h.topics.length > 0);
}

const tokenCache = new WeakMap<object, Tokens>();

/** How well a heading's label or a bullet's text mentions a term (tokens cached per object). */
function score(term: Term, item: NoteBullet | NoteHeading): number {
  let tokens = tokenCache.get(item);
  if (!tokens) {
    tokens = tokenize('label' in item ? item.label : item.text);
    tokenCache.set(item, tokens);
  }
  return matchScore(term, tokens);
}

function topicCandidates(notes: NoteFile[], term: Term): Candidate[] {
  const out: Candidate[] = [];
  const isType = RESOURCE_TYPE.test(term.text);
  for (const note of notes) {
    const headings = headingsWithTopic(note, term.text);
    const exact = headings.filter((h) => h.topics.includes(term.text));
    for (const heading of exact.length ? exact : headings) {
      out.push({ note, heading, wholeNote: false, source: Source.HeadingTopic, level: 0 });
    }
    if (!headings.length && anyTopicMatches(note.topics, term.text)) {
      // A type the front matter names is what the whole note is about: its title section.
      const heading = isType && !note.topics.includes(term.text) ? sectionForService(note, term.text) : note.roots[0];
      out.push({ note, heading, wholeNote: !isType, source: Source.NoteTopic, level: 0 });
    }
  }
  return out;
}

/** A one-word name is looked for in the text only where the note writes it as code (`cpu`). */
function mentionsAsCode(term: Term, item: NoteBullet | NoteHeading): boolean {
  return item.text.toLowerCase().includes(`\`${term.text.toLowerCase()}\``);
}

function textMatch(term: Term, item: NoteBullet | NoteHeading): boolean {
  if (score(term, item) < 2.5) return false;
  return splitWords(term.text).length >= 2 || mentionsAsCode(term, item) || 'label' in item;
}

function textCandidates(notes: NoteFile[], term: Term, onlyUntagged: boolean, bulletsToo: boolean): Candidate[] {
  if (!term.distinctive) return [];
  const out: Candidate[] = [];
  for (const note of notes) {
    if (onlyUntagged && hasTopics(note)) continue;
    const headings = note.headings.filter((h) => textMatch(term, h));
    for (const heading of headings) out.push({ note, heading, wholeNote: false, source: Source.HeadingText, level: 0 });
    if (!bulletsToo) continue;
    const seen = new Set<NoteHeading | undefined>(headings);
    const bullets = [...flattenBullets(note.preamble), ...note.headings.flatMap((h) => flattenBullets(h.bullets))];
    for (const bullet of bullets) {
      if (seen.has(bullet.heading) || !textMatch(term, bullet)) continue;
      seen.add(bullet.heading);
      out.push({ note, heading: bullet.heading, wholeNote: !bullet.heading, source: Source.BulletText, level: 0 });
    }
  }
  return out;
}

/** The bullets a candidate section offers: its own first, then its subsections'. */
function scopeBullets(candidate: Candidate): { own: NoteBullet[]; sub: NoteBullet[] } {
  const { note, heading } = candidate;
  if (candidate.wholeNote || !heading) {
    return { own: [...flattenBullets(note.preamble), ...note.headings.flatMap((h) => flattenBullets(h.bullets))], sub: [] };
  }
  const sub = sectionHeadings(heading)
    .slice(1)
    .flatMap((h) => flattenBullets(h.bullets));
  return { own: flattenBullets(heading.bullets), sub };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isAncestor(ancestor: NoteBullet, bullet: NoteBullet): boolean {
  for (let b = bullet.parent; b; b = b.parent) if (b === ancestor) return true;
  return false;
}

/** A bullet with less than this share of the best one's words of the name is not shown… */
const COVERAGE_THRESHOLD = 0.6;
/** …nor one with less than this share of its BM25 score. */
const RELATIVE_THRESHOLD = 0.25;

interface Picked {
  bullets: NoteBullet[];
  /** Matching bullets not shown. */
  more: number;
  best: number;
  complete: boolean;
}

const NONE: Picked = { bullets: [], more: 0, best: 0, complete: false };

/**
 * The bullets of a section about the first name any of them is about (ranked by the search
 * index, best first), with sub-bullets kept under their bullet and a short item replaced by its list.
 */
function pickBullets(search: NotesSearchIndex, candidate: Candidate, names: string[], max: number): Picked {
  const { own, sub } = scopeBullets(candidate);
  const ownSet = new Set(own);
  for (const name of names) {
    const hits = search.scoreBullets(name, [...own, ...sub]);
    const term = makeTerm(name);
    const scored: { bullet: NoteBullet; score: number; coverage: number; complete: boolean }[] = [];
    const words = nameWords(name);
    const weight = (w: string): number => (isGenericWord(w) ? GENERIC_BOOST : 1);
    const total = words.reduce((sum, w) => sum + weight(w), 0);
    const needsSpecific = words.some((w) => !isGenericWord(w));
    // A bullet must match a word of the name itself, or every word a shorthand of it stands for
    // (`RedrivePolicy` → dead letter queue): "cloud" alone, from `VPC`, is not a match.
    const originals = [...new Set(splitWords(name).map(normalizeWord))].filter((w) => !isGenericWord(w) || !needsSpecific);
    const matchesName = (near: string[]): boolean =>
      originals.some((w) => near.includes(w) || (expansions(w).length > 0 && expansions(w).every((e) => isGenericWord(e) || near.includes(e))));
    hits.forEach((hit: SearchHit, bullet) => {
      if (!hit.own.length) return;
      if (needsSpecific && !hit.near.some((w) => !isGenericWord(w))) return;
      if (!matchesName(hit.near)) return;
      const mention = score(term, bullet);
      // The name as written, or its words in a row, beats words scattered over the bullet.
      const exact = mention >= 2.5 ? 1.25 : 1;
      const coverage = hit.near.reduce((sum, w) => sum + weight(w), 0) / total;
      const complete = mention >= 2 || (term.words.length === 1 && mention > 0);
      // A bullet at the top of its list says more than one nested in it.
      let depth = 0;
      for (let b = bullet.parent; b; b = b.parent) depth++;
      const ranked = hit.score * exact * (ownSet.has(bullet) ? 1.1 : 1) * 0.6 ** depth;
      scored.push({ bullet, score: ranked, coverage, complete });
    });
    if (!scored.length) continue;
    // More of the name's words first, then BM25; weaker bullets are left out.
    const bestCoverage = Math.max(...scored.map((s) => s.coverage));
    const covered = scored.filter((s) => s.coverage >= bestCoverage * COVERAGE_THRESHOLD);
    const best = Math.max(...covered.map((s) => s.score));
    const strong = covered.filter((s) => s.score >= best * RELATIVE_THRESHOLD);
    // A short item of a list says little alone: show the list it belongs to.
    const chosen = strong.map((s) => {
      const b = s.bullet;
      return !b.children.length && b.parent && wordCount(b.text) <= 3 ? { ...s, bullet: b.parent } : s;
    });
    chosen.sort((a, b) => b.coverage - a.coverage || b.score - a.score || a.bullet.line - b.bullet.line);
    const picked: NoteBullet[] = [];
    for (const { bullet } of chosen) {
      if (picked.some((p) => p === bullet || isAncestor(p, bullet))) continue;
      for (let i = picked.length - 1; i >= 0; i--) if (isAncestor(bullet, picked[i])) picked.splice(i, 1);
      picked.push(bullet);
    }
    const shown = picked.slice(0, max);
    const complete = strong.some((s) => s.complete && shown.some((b) => b === s.bullet || isAncestor(b, s.bullet)));
    return { bullets: shown, more: Math.max(0, picked.length - max), best, complete };
  }
  return NONE;
}

function noteOrder(a: NoteFile, b: NoteFile): number {
  if (a.kind !== b.kind) return a.kind === 'questions' ? 1 : -1;
  if (a.bundled !== b.bundled) return a.bundled ? -1 : 1;
  return a.path.localeCompare(b.path);
}

/** Candidates for a term, kept when they fit the resource types around the cursor. */
function relevantCandidates(notes: NoteFile[], term: Term, types: string[], bulletsToo: boolean): Candidate[] {
  const all = topicCandidates(notes, term);
  all.push(...textCandidates(notes, term, all.length > 0, bulletsToo));
  for (const c of all) c.level = relevance(c.note, c.heading, types);
  // A heading named after the name fits a note about the types around the cursor; words in a
  // bullet are a looser match: only in a section about those types, or in the user's own notes
  // without topics.
  const fits = (c: Candidate): boolean =>
    c.source <= Source.HeadingText ? c.level > 0 : !types.length || c.level >= 2 || (c.level > 0 && !hasTopics(c.note));
  const relevant = all.filter(fits);
  if (relevant.length || !bulletsToo) return relevant;
  // A name of two words or more that only notes about another resource type of the same service
  // list as a topic (`BlockDeviceMappings` of an EC2 instance, in the EBS note about EC2 volumes)
  // is still worth showing; another service's note is not about it (`EphemeralStorage` of an ECS
  // task is not Lambda's).
  const prefixes = new Set(types.map(servicePrefix).filter((p): p is string => !!p));
  const sameService = (c: Candidate): boolean =>
    [...headingChain(c.heading).flatMap((h) => h.topics), ...c.note.topics].some((t) => {
      const prefix = servicePrefix(t);
      return !!prefix && prefixes.has(prefix);
    });
  return term.words.length >= 2 && term.distinctive
    ? all.filter((c) => c.source <= Source.NoteTopic && sameService(c))
    : [];
}

interface Step {
  text: string;
  /** Look for the name in the text of bullets too (not for values). */
  bulletsToo: boolean;
}

function excerptsFor(notes: NoteFile[], search: NotesSearchIndex, query: NotesQuery, step: Step): NoteExcerpt[] {
  const types = query.resourceTypes ?? [];
  const term = makeTerm(step.text);
  const candidates = relevantCandidates(notes, term, types, step.bulletsToo);
  candidates.sort(
    (a, b) =>
      b.level - a.level ||
      a.source - b.source ||
      noteOrder(a.note, b.note) ||
      (a.heading?.line ?? 0) - (b.heading?.line ?? 0),
  );
  // Related words join the name; the parent keys refine the bullets of a section the name found.
  const withRelated = [step.text, ...(query.related ?? [])].join(' ');
  const names = [withRelated, ...query.terms.slice(1)];
  const found: { excerpt: NoteExcerpt; level: number; best: number; source: Source }[] = [];
  for (const candidate of candidates) {
    if (found.some(({ excerpt: e }) => e.note === candidate.note && e.heading === candidate.heading)) continue;
    const picked = query.sectionOnly
      ? NONE
      : pickBullets(search, candidate, candidate.source <= Source.NoteTopic ? names : [withRelated], query.maxBullets ?? 3);
    // Without a bullet about the name, only a section the topics or its heading name shows its start.
    if (!picked.bullets.length && candidate.source > Source.HeadingText) continue;
    found.push({
      excerpt: {
        note: candidate.note,
        heading: candidate.heading,
        bullets: picked.bullets,
        term: term.text,
        more: picked.more,
        complete: picked.complete,
      },
      level: candidate.level,
      best: picked.best,
      source: candidate.source,
    });
  }
  // Within one level of relevance, a section with bullets about the name beats one without,
  // and the better bullets win.
  found.sort(
    (a, b) =>
      b.level - a.level ||
      Number(b.excerpt.bullets.length > 0) - Number(a.excerpt.bullets.length > 0) ||
      a.source - b.source ||
      b.best - a.best,
  );
  return found.map((f) => f.excerpt);
}

/**
 * The excerpts of the notes about a query, the best first (empty when the notes say nothing).
 * The key comes first; when its notes have no bullet about it, the value under the cursor may
 * name a more precise section (`VolumeType: gp2` → "GP2 (SSD)").
 */
export function lookupNotes(notes: NoteFile[], search: NotesSearchIndex, query: NotesQuery): NoteExcerpt[] {
  const [first] = query.terms;
  const byKey = first ? excerptsFor(notes, search, query, { text: first, bulletsToo: true }) : [];
  let found = byKey;
  if (query.value && !byKey.some((e) => e.complete)) {
    const byValue = excerptsFor(notes, search, query, { text: query.value, bulletsToo: false });
    if (byValue.length) {
      found = [...byValue, ...byKey.filter((k) => !byValue.some((v) => v.note === k.note && v.heading === k.heading))];
    }
  }
  const [main] = found;
  // "N more": the other bullets anywhere in the notes that the search on the name finds.
  if (main && !query.sectionOnly) main.more = Math.max(main.more, search.countAbout(main.term, main.bullets));
  return found;
}
