/**
 * Advice from the notes (`awsDevNotes.advice.enable`): each kind's advice rules find what a bullet
 * of the user's notes warns about, and each finding becomes an information (or hint) diagnostic
 * that quotes the bullet and links to its line in the note (related information and the code's
 * link). Run by the façade after validation; a rule whose bullet is not in the notes says nothing.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Kind } from '../../kinds';
import type { NoteBullet, NoteFile } from '../../notes/model';
import { flattenBullets, headingPath } from '../../notes/model';
import { plainText } from '../../notes/parse';
import type { FeatureContext } from '../featureContext';
import { cloudformationAdvice } from './cloudformation';
import { buildspecAdvice, taskdefAdvice } from './fileKinds';
import type { AdviceRule, BulletId } from './model';
import { BULLETS } from './model';

const ADVICE: Record<Kind, AdviceRule[]> = {
  cloudformation: [cloudformationAdvice],
  buildspec: [buildspecAdvice],
  appspec: [],
  'ecs-task-definition': [taskdefAdvice],
};

export const ADVICE_SOURCE = 'aws-dev-notes (your notes)';

interface FoundBullet {
  note: NoteFile;
  bullet: NoteBullet;
  text: string;
}

const bulletCache = new WeakMap<NoteFile[], Map<BulletId, FoundBullet | undefined>>();

/** The bullet of the notes a rule quotes (bundled notes of that title first, then any note). */
function findBullet(notes: NoteFile[], id: BulletId): FoundBullet | undefined {
  let cache = bulletCache.get(notes);
  if (!cache) {
    cache = new Map();
    bulletCache.set(notes, cache);
  }
  if (cache.has(id)) return cache.get(id);
  const { note: title, text } = BULLETS[id];
  const wanted = text.toLowerCase();
  const ordered = [...notes.filter((n) => n.title === title), ...notes.filter((n) => n.title !== title)];
  let found: FoundBullet | undefined;
  for (const note of ordered) {
    const bullets = [
      ...flattenBullets(note.preamble),
      ...note.headings.flatMap((h) => flattenBullets(h.bullets)),
    ];
    const bullet = bullets.find((b) => plainText(b.text).toLowerCase().includes(wanted));
    if (bullet) {
      found = { note, bullet, text: plainText(bullet.text) };
      break;
    }
  }
  cache.set(id, found);
  return found;
}

function fileUri(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const absolute = normalized.startsWith('/') ? normalized : `/${normalized}`;
  return `file://${absolute.split('/').map(encodeURIComponent).join('/')}`;
}

/** The advice diagnostics of a document (none when switched off or for no kind). */
export function adviseDocument(context: FeatureContext): Diagnostic[] {
  const { state, document } = context;
  if (!context.settings.adviceEnable || !state.kind || !state.parsed.root || state.skipped) return [];
  // The notes are read (and parsed) on the first finding only: most documents have none.
  let notes: NoteFile[] | undefined;
  const out: Diagnostic[] = [];
  for (const rule of ADVICE[state.kind]) {
    for (const finding of rule(state)) {
      notes ??= context.notes.notes();
      const found = findBullet(notes, finding.bullet);
      if (!found) continue;
      const { note, bullet, text } = found;
      const uri = fileUri(note.path);
      const where = bullet.heading ? headingPath(bullet.heading) : note.title;
      out.push({
        range: {
          start: document.positionAt(finding.span.offset),
          end: document.positionAt(finding.span.offset + finding.span.length),
        },
        severity: finding.severity === 'hint' ? DiagnosticSeverity.Hint : DiagnosticSeverity.Information,
        code: `advice-${finding.bullet.replace(/[A-Z0-9]/g, (c) => `-${c.toLowerCase()}`)}`,
        codeDescription: { href: `${uri}#L${bullet.line + 1}` },
        source: ADVICE_SOURCE,
        message: `${finding.message} Your notes: “${text}” (${where})`,
        relatedInformation: [
          {
            location: {
              uri,
              range: { start: { line: bullet.line, character: 0 }, end: { line: bullet.line, character: 0 } },
            },
            message: `From your notes: ${text}`,
          },
        ],
      });
    }
  }
  return out;
}
