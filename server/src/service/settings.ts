/**
 * The user's settings (`awsDevNotes.*`) as the service sees them, with defaults and a
 * sanitiser: a wrong value in settings.json becomes the default plus a message, never a crash.
 */
import type { Kind } from './kinds';
import { KINDS } from './kinds';
import { globPackage } from './utils/lazyPackages';

export interface Settings {
  /** Master switch for diagnostics. */
  validationEnable: boolean;
  /** glob → kind (or "none") overriding detection. */
  fileAssociations: Record<string, Kind | 'none'>;
  /** Files larger than this many bytes are not analysed (a notice is shown instead). */
  maxFileSize: number;
  /** Extra folders of the user's own Markdown notes. */
  notesFolders: string[];
  /** Diagnostic codes (ours, or cfn-lint rule ids and prefixes) never reported in this workspace. */
  validationIgnore: string[];
  /** Where the notes go in a hover: after the official summary, before the official text, or after it. */
  hoverNotesPosition: NotesPosition;
  /** Advice from the notes (information diagnostics quoting a bullet). */
  adviceEnable: boolean;
}

export const NOTES_POSITIONS = ['afterSummary', 'first', 'last'] as const;
export type NotesPosition = (typeof NOTES_POSITIONS)[number];

export const DEFAULT_SETTINGS: Settings = {
  validationEnable: true,
  fileAssociations: {},
  maxFileSize: 5 * 1024 * 1024,
  notesFolders: [],
  validationIgnore: [],
  hoverNotesPosition: 'afterSummary',
  adviceEnable: true,
};

export interface SanitizedSettings {
  settings: Settings;
  /** Human-readable problems with the given settings (each names the setting). */
  problems: string[];
}

/** Reads the `awsDevNotes` section (as sent by the client) into Settings. */
export function sanitizeSettings(raw: unknown): SanitizedSettings {
  const problems: string[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    fileAssociations: {},
    notesFolders: [],
    validationIgnore: [],
  };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object') {
    problems.push('awsDevNotes settings must be an object; using defaults.');
    return { settings, problems };
  }
  const section = raw as Record<string, unknown>;
  const validation = section.validation as Record<string, unknown> | undefined;
  if (validation !== undefined && (validation === null || typeof validation !== 'object')) {
    problems.push('awsDevNotes.validation must be an object such as { "enable": true }; using defaults.');
  } else if (validation && 'enable' in validation) {
    if (typeof validation.enable === 'boolean') settings.validationEnable = validation.enable;
    else problems.push('awsDevNotes.validation.enable must be true or false; using true.');
  }
  if (validation && typeof validation === 'object' && 'ignore' in validation) {
    if (Array.isArray(validation.ignore) && validation.ignore.every((c) => typeof c === 'string')) {
      settings.validationIgnore = validation.ignore;
    } else {
      problems.push('awsDevNotes.validation.ignore must be a list of diagnostic codes; ignored.');
    }
  }
  const associations = section.fileAssociations;
  if (associations !== undefined) {
    if (associations && typeof associations === 'object' && !Array.isArray(associations)) {
      for (const [glob, kind] of Object.entries(associations as Record<string, unknown>)) {
        const badGlob = globProblem(glob);
        if (badGlob) {
          problems.push(`awsDevNotes.fileAssociations: "${glob.slice(0, 80)}" ${badGlob}; ignored.`);
        } else if (
          typeof kind === 'string' &&
          (kind === 'none' || (KINDS as readonly string[]).includes(kind))
        ) {
          settings.fileAssociations[glob] = kind as Kind | 'none';
        } else {
          problems.push(
            `awsDevNotes.fileAssociations: "${glob}" maps to ${JSON.stringify(kind)}, which is not one of ${[...KINDS, 'none'].join(', ')}; ignored.`,
          );
        }
      }
    } else {
      problems.push('awsDevNotes.fileAssociations must be an object of glob → kind; ignored.');
    }
  }
  const maxFileSize = section.maxFileSize;
  if (maxFileSize !== undefined) {
    if (typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0) {
      settings.maxFileSize = maxFileSize;
    } else {
      problems.push('awsDevNotes.maxFileSize must be a positive number of bytes; using 5 MiB.');
    }
  }
  const notes = section.notes as Record<string, unknown> | undefined;
  if (notes !== undefined && (notes === null || typeof notes !== 'object')) {
    problems.push('awsDevNotes.notes must be an object such as { "folders": [] }; using defaults.');
  } else if (notes && notes.folders !== undefined) {
    if (Array.isArray(notes.folders) && notes.folders.every((f) => typeof f === 'string')) {
      settings.notesFolders = notes.folders;
    } else {
      problems.push('awsDevNotes.notes.folders must be a list of folder paths; ignored.');
    }
  }
  const hover = section.hover as Record<string, unknown> | undefined;
  if (hover && typeof hover === 'object' && hover.notesPosition !== undefined) {
    const position = hover.notesPosition;
    if (typeof position === 'string' && (NOTES_POSITIONS as readonly string[]).includes(position)) {
      settings.hoverNotesPosition = position as NotesPosition;
    } else {
      problems.push(
        `awsDevNotes.hover.notesPosition must be one of ${NOTES_POSITIONS.join(', ')}; using afterSummary.`,
      );
    }
  }
  const advice = section.advice as Record<string, unknown> | undefined;
  if (advice && typeof advice === 'object' && advice.enable !== undefined) {
    if (typeof advice.enable === 'boolean') settings.adviceEnable = advice.enable;
    else problems.push('awsDevNotes.advice.enable must be true or false; using true.');
  }
  return { settings, problems };
}

/** Why a glob cannot be used (too long, unbalanced brackets or braces, not compilable), or undefined. */
function globProblem(glob: string): string | undefined {
  if (!glob.trim()) return 'is an empty pattern';
  if (glob.length > 1000) return 'is longer than 1,000 characters';
  let square = 0;
  let curly = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '[') square++;
    else if (c === ']' && square > 0) square--;
    else if (c === '{') curly++;
    else if (c === '}') curly = Math.max(curly - 1, 0);
  }
  if (square > 0) return 'is not a valid glob: a `[` is not closed';
  if (curly > 0) return 'is not a valid glob: a `{` is not closed';
  try {
    const { Minimatch } = globPackage();
    if (new Minimatch(glob, { dot: true, nocase: true }).makeRe() === false) return 'is not a valid glob';
  } catch (error) {
    return `is not a valid glob (${error instanceof Error ? error.message : String(error)})`;
  }
  return undefined;
}
