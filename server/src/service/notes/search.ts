/**
 * One search index over every heading and bullet of the notes (MiniSearch: BM25 ranking, prefix
 * and fuzzy matching), with the words of words.ts (CamelCase, kebab-case, `::`, stems, AWS
 * shorthand both ways). The sidebar's search asks it with the user's words; the hover ranks the
 * bullets of a section with it.
 */
import MiniSearch from 'minisearch';
import type { NoteBullet, NoteFile, NoteHeading } from './model';
import { flattenBullets, headingPath } from './model';
import { plainText } from './parse';
import { isGenericWord, textWords } from './words';

export interface SearchItem {
  id: number;
  kind: 'heading' | 'bullet';
  note: NoteFile;
  /** The heading itself, or the heading the bullet is under. */
  heading: NoteHeading | undefined;
  bullet?: NoteBullet;
  /** The text shown (inline Markdown removed). */
  label: string;
  line: number;
}

interface IndexedFields {
  id: number;
  text: string;
  /** The parent bullet's text (a short item says little alone). */
  parent: string;
  /** The heading path, for words that name the section. */
  section: string;
}

export interface SearchHit {
  item: SearchItem;
  score: number;
  /** The query words it matched (normalised). */
  matched: string[];
  /** The query words found in the item's own text (not only in its parent or section). */
  own: string[];
  /** The query words found in the item's own text or its parent bullet's. */
  near: string[];
  /** How many distinct words the query had. */
  queryWords: number;
}

/** Boosts: the bullet's own words count most, its parent's and its section's a little. */
const BOOST = { text: 3, parent: 0.6, section: 0.4 };

function splitQuery(text: string): string[] {
  return textWords(text);
}

/** How much a generic word of a name counts, next to 1 for the others. */
export const GENERIC_BOOST = 0.3;

const IDENTIFIER_SUFFIX = new Set(['arn', 'id', 'url', 'uri']);

/** The distinct words a name is looked up with (a trailing identifier suffix dropped). */
export function nameWords(name: string): string[] {
  const words = splitQuery(name);
  while (words.length > 1 && IDENTIFIER_SUFFIX.has(words[words.length - 1])) words.pop();
  return [...new Set(words)];
}

function termsIn(match: Record<string, string[]>, fields: string[]): string[] {
  return Object.entries(match)
    .filter(([, found]) => found.some((f) => fields.includes(f)))
    .map(([term]) => term);
}

export class NotesSearchIndex {
  private readonly items: SearchItem[] = [];
  private readonly byBullet = new Map<NoteBullet, number>();
  private readonly byHeading = new Map<NoteHeading, number>();
  private readonly search: MiniSearch<IndexedFields>;
  /** The search on a name, per name (the index never changes: a new one is built for new notes). */
  private readonly aboutCache = new Map<string, SearchHit[]>();

  constructor(notes: NoteFile[]) {
    this.search = new MiniSearch<IndexedFields>({
      fields: ['text', 'parent', 'section'],
      tokenize: splitQuery,
      processTerm: (term) => term,
    });
    const docs: IndexedFields[] = [];
    for (const note of notes) {
      const addBullets = (bullets: NoteBullet[], heading: NoteHeading | undefined): void => {
        const section = heading ? headingPath(heading) : note.title;
        for (const bullet of flattenBullets(bullets)) {
          const label = plainText(bullet.text);
          if (!label) continue;
          const id = this.items.length;
          this.items.push({ id, kind: 'bullet', note, heading, bullet, label, line: bullet.line });
          this.byBullet.set(bullet, id);
          docs.push({ id, text: label, parent: bullet.parent ? plainText(bullet.parent.text) : '', section });
        }
      };
      addBullets(note.preamble, undefined);
      for (const heading of note.headings) {
        const id = this.items.length;
        this.items.push({ id, kind: 'heading', note, heading, label: heading.label, line: heading.line });
        this.byHeading.set(heading, id);
        docs.push({ id, text: heading.label, parent: '', section: note.title });
        addBullets(heading.bullets, heading);
      }
    }
    this.search.addAll(docs);
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * What the user typed, best first: every word may be a prefix (the last one as it is being
   * typed) or misspelt; items with more of the words rank higher (BM25).
   */
  query(text: string, limit = 50): SearchHit[] {
    const words = splitQuery(text);
    if (!words.length) return [];
    const results = this.search.search(words.join(' '), {
      tokenize: (q) => q.split(' ').filter(Boolean),
      boost: BOOST,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.25 : term.length >= 4 ? 1 : false),
      combineWith: 'OR',
    });
    // Items that match every word the user typed come first.
    const distinct = new Set(words);
    const hits = results.map((r) => ({
      item: this.items[r.id as number],
      score: r.score * (1 + new Set(r.queryTerms).size / distinct.size),
      matched: r.queryTerms,
      own: termsIn(r.match, ['text']),
      near: termsIn(r.match, ['text', 'parent']),
      queryWords: distinct.size,
    }));
    hits.sort((a, b) => b.score - a.score || a.item.id - b.item.id);
    return hits.slice(0, limit);
  }

  /**
   * How well each of these bullets is about a name (BM25 over the name's words, exact matches
   * only, generic words left out). Bullets not matching any word are left out.
   */
  scoreBullets(name: string, bullets: NoteBullet[]): Map<NoteBullet, SearchHit> {
    const out = new Map<NoteBullet, SearchHit>();
    // Generic words (`role`, `configuration`) count, but little; an identifier suffix not at all.
    const words = nameWords(name);
    if (!words.length || !bullets.length) return out;
    const ids = new Set<number>();
    for (const bullet of bullets) {
      const id = this.byBullet.get(bullet);
      if (id !== undefined) ids.add(id);
    }
    const results = this.search.search(words.join(' '), {
      tokenize: (q) => q.split(' ').filter(Boolean),
      boost: BOOST,
      combineWith: 'OR',
      boostTerm: (term) => (isGenericWord(term) ? GENERIC_BOOST : 1),
      filter: (r) => ids.has(r.id as number),
    });
    for (const r of results) {
      const item = this.items[r.id as number];
      if (item.bullet) {
        out.set(item.bullet, {
          item,
          score: r.score,
          matched: r.queryTerms,
          own: termsIn(r.match, ['text']),
          near: termsIn(r.match, ['text', 'parent']),
          queryWords: words.length,
        });
      }
    }
    return out;
  }

  /**
   * How many bullets, other than these, have every specific word of a name in their own text
   * (what "N more in your notes" counts; the search on the name lists them).
   */
  countAbout(name: string, shown: NoteBullet[]): number {
    const words = nameWords(name).filter((w) => !isGenericWord(w));
    if (!words.length) return 0;
    const isShown = (bullet: NoteBullet): boolean => {
      for (let b: NoteBullet | undefined = bullet; b; b = b.parent) if (shown.includes(b)) return true;
      return false;
    };
    let hits = this.aboutCache.get(name);
    if (!hits) {
      hits = this.query(name, 200);
      if (this.aboutCache.size > 1000) this.aboutCache.clear();
      this.aboutCache.set(name, hits);
    }
    return hits.filter(
      (hit) => hit.item.bullet && !isShown(hit.item.bullet) && words.every((w) => hit.own.includes(w)),
    ).length;
  }

  itemOfHeading(heading: NoteHeading): SearchItem | undefined {
    const id = this.byHeading.get(heading);
    return id === undefined ? undefined : this.items[id];
  }
}
