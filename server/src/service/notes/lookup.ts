/**
 * Finding what the notes say about a name. Sections come first from topics (a heading's
 * `<!-- topics -->`, then the note's front matter), then from heading text, then from the text of
 * bullets; they are kept only when they fit the resource types around the cursor. Inside the
 * chosen section the most specific excerpt wins: the bullets (with their sub-bullets) that mention
 * the name, else the start of the section.
 */
import type { NoteBullet, NoteFile, NoteHeading } from './model';
import { flattenBullets, sectionHeadings } from './model';
import { anyTopicMatches, headingsWithTopic, relevance, sectionForService } from './topics';
import type { Term, Tokens } from './words';
import { makeTerm, matchScore, tokenize } from './words';

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

function textCandidates(notes: NoteFile[], term: Term, onlyUntagged: boolean, bulletsToo: boolean): Candidate[] {
  if (!term.distinctive) return [];
  const out: Candidate[] = [];
  for (const note of notes) {
    if (onlyUntagged && hasTopics(note)) continue;
    const headings = note.headings.filter((h) => score(term, h) >= 2.5);
    for (const heading of headings) out.push({ note, heading, wholeNote: false, source: Source.HeadingText, level: 0 });
    if (!bulletsToo) continue;
    const seen = new Set<NoteHeading | undefined>(headings);
    const bullets = [...flattenBullets(note.preamble), ...note.headings.flatMap((h) => flattenBullets(h.bullets))];
    for (const bullet of bullets) {
      if (seen.has(bullet.heading) || score(term, bullet) < 2.5) continue;
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

/** The bullets of a section that mention the first term that any of them mentions. */
function pickBullets(candidate: Candidate, terms: Term[], max: number): NoteBullet[] {
  const { own, sub } = scopeBullets(candidate);
  for (const term of terms) {
    const scored = [
      ...own.map((bullet) => ({ bullet, score: score(term, bullet) + 0.25 })),
      ...sub.map((bullet) => ({ bullet, score: score(term, bullet) })),
    ].filter((s) => s.score >= 1);
    if (!scored.length) continue;
    // A short item of a list says little alone: show the list it belongs to.
    const chosen = scored.map((s) => {
      const b = s.bullet;
      return !b.children.length && b.parent && wordCount(b.text) <= 3 ? { ...s, bullet: b.parent } : s;
    });
    chosen.sort((a, b) => b.score - a.score || a.bullet.line - b.bullet.line);
    const picked: NoteBullet[] = [];
    for (const { bullet } of chosen) {
      if (picked.some((p) => p === bullet || isAncestor(p, bullet))) continue;
      for (let i = picked.length - 1; i >= 0; i--) if (isAncestor(bullet, picked[i])) picked.splice(i, 1);
      picked.push(bullet);
    }
    return picked.slice(0, max).sort((a, b) => a.line - b.line);
  }
  return [];
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
  const relevant = all.filter((c) => c.level > 0);
  if (relevant.length || !bulletsToo) return relevant;
  // A name of two words or more that only notes about other services list as a topic
  // (`BlockDeviceMappings` of an EC2 instance, in the EBS note) is still worth showing.
  return term.words.length >= 2 && term.distinctive ? all.filter((c) => c.source <= Source.NoteTopic) : [];
}

interface Step {
  text: string;
  /** Look for the name in the text of bullets too (not for values). */
  bulletsToo: boolean;
  /** The first name may show the start of a section; names further out need bullets about them. */
  sectionStart: boolean;
}

function excerptsFor(notes: NoteFile[], query: NotesQuery, step: Step): NoteExcerpt[] {
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
  const related = (query.related ?? []).map(makeTerm);
  const found: { excerpt: NoteExcerpt; level: number }[] = [];
  for (const candidate of candidates) {
    const bullets = query.sectionOnly ? [] : pickBullets(candidate, [term, ...related], query.maxBullets ?? 3);
    if (!bullets.length && (!step.sectionStart || candidate.source === Source.BulletText)) continue;
    if (found.some(({ excerpt: e }) => e.note === candidate.note && e.heading === candidate.heading)) continue;
    found.push({
      excerpt: { note: candidate.note, heading: candidate.heading, bullets, term: term.text },
      level: candidate.level,
    });
  }
  // Within one level of relevance, a section with bullets about the name beats one without.
  found.sort(
    (a, b) => b.level - a.level || Number(b.excerpt.bullets.length > 0) - Number(a.excerpt.bullets.length > 0),
  );
  return found.map((f) => f.excerpt);
}

/**
 * The excerpts of the notes about a query, the best first (empty when the notes say nothing).
 * The key comes first; when its notes have no bullet about it, the value under the cursor may
 * name a more precise section (`VolumeType: gp2` → "GP2 (SSD)"); then the keys around it.
 */
export function lookupNotes(notes: NoteFile[], query: NotesQuery): NoteExcerpt[] {
  const [first, ...outer] = query.terms;
  const byKey = first ? excerptsFor(notes, query, { text: first, bulletsToo: true, sectionStart: true }) : [];
  if (byKey.some((e) => e.bullets.length)) return byKey;
  if (query.value) {
    const byValue = excerptsFor(notes, query, { text: query.value, bulletsToo: false, sectionStart: true });
    if (byValue.length) {
      return [...byValue, ...byKey.filter((k) => !byValue.some((v) => v.note === k.note && v.heading === k.heading))];
    }
  }
  if (byKey.length) return byKey;
  for (const text of outer) {
    const found = excerptsFor(notes, query, { text, bulletsToo: true, sectionStart: false });
    if (found.length) return found;
  }
  return [];
}
