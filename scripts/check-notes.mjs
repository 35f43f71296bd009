#!/usr/bin/env node
// Checks the study notes in notes/ (one Markdown file per section of the user's notes).
//
//   node scripts/check-notes.mjs [--strict] [--seed PATH] [--notes DIR]
//
// 1. Every note (notes/NN-slug.md, README.md excluded) has valid front matter: title, topics and,
//    for a section note, section + services; a questions file has `kind: questions`.
// 2. Topics are well formed, and every `<!-- topics: … -->` annotation sits right after a heading
//    and only names topics the front matter lists (exactly or through an `AWS::Service::*` pattern).
// 3. Against the seed (the user's original single file, ../shared/seed/aws-developer-notes.md by
//    default): every `##` section maps to exactly one file, and every heading and every bullet
//    line of the seed is in that file, in the same order, at the same level / nesting depth, after
//    the fixes listed in TEXT_FIXES and HEADING_LEVEL_FIXES (notes-seed.mjs). With --strict the
//    notes must hold nothing else (no extra headings or bullets). Without the seed, step 3 is skipped.
//
// Exit code: 0 when everything passes, 1 when any check fails, 2 on usage error.
//
// The parts: notes-front-matter.mjs (steps 1 and 2), notes-seed.mjs (step 3), notes-outline.mjs
// (the Markdown outline both read).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NOTE_FILE, checkNote, splitFrontMatter } from './notes-front-matter.mjs';
import { COLLECTION_TITLE, PREAMBLE_TITLE, QUESTIONS_FILE, compare, readSeed } from './notes-seed.mjs';

function parseArgs(argv, root) {
  const options = { strict: false, notes: path.join(root, 'notes'), seed: process.env.NOTES_SEED };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--strict') options.strict = true;
    else if (arg === '--seed' && argv[i + 1]) options.seed = argv[++i];
    else if (arg === '--notes' && argv[i + 1]) options.notes = argv[++i];
    else return null;
  }
  options.seed ??= path.join(root, '..', 'shared', 'seed', 'aws-developer-notes.md');
  return options;
}

export function main(argv = process.argv.slice(2)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const options = parseArgs(argv, root);
  if (!options) {
    console.error('usage: node scripts/check-notes.mjs [--strict] [--seed PATH] [--notes DIR]');
    return 2;
  }
  const errors = [];
  const warnings = [];
  if (!existsSync(options.notes)) {
    console.error(`check-notes: no folder ${options.notes}`);
    return 1;
  }
  const files = readdirSync(options.notes)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const notes = [];
  if (!files.includes('README.md'))
    errors.push('README.md: missing (what the folder is, the front matter, the topic comments)');
  for (const file of files) {
    const source = readFileSync(path.join(options.notes, file), 'utf8');
    if (file === 'README.md') {
      if (splitFrontMatter(source)) errors.push('README.md: must not have front matter (it is not a note)');
      if (!source.includes(COLLECTION_TITLE))
        errors.push(`README.md: should name the collection, "${COLLECTION_TITLE}"`);
      continue;
    }
    if (!NOTE_FILE.test(file)) {
      errors.push(`${file}: note file names are NN-slug.md (two digits, lower-case words joined by "-")`);
    }
    const note = checkNote(file, source, errors, warnings);
    if (note) notes.push(note);
  }
  const bySection = new Map();
  for (const note of notes.filter((n) => n.kind === 'note' && typeof n.section === 'string')) {
    if (bySection.has(note.section)) {
      errors.push(`${note.file}: section ${note.section} is also in ${bySection.get(note.section).file}`);
    } else bySection.set(note.section, note);
  }

  let compared = { sections: 0, headings: 0, lines: 0 };
  if (existsSync(options.seed)) {
    const seed = readSeed(readFileSync(options.seed, 'utf8'), errors);
    const questions = notes.find((n) => n.file === QUESTIONS_FILE);
    if (!questions) errors.push(`${QUESTIONS_FILE}: missing (the seed's "${PREAMBLE_TITLE}")`);
    else {
      const counts = compare('the seed preamble', seed.preamble, questions, options.strict, errors);
      compared = { sections: 1, headings: counts.headings, lines: counts.lines };
    }
    for (const section of seed.sections) {
      const note = bySection.get(section.numeral);
      if (!note) {
        errors.push(`seed section "${section.heading.text}" has no note with section: "${section.numeral}"`);
        continue;
      }
      const counts = compare(`section ${section.numeral}`, section.items, note, options.strict, errors);
      compared.sections++;
      compared.headings += counts.headings;
      compared.lines += counts.lines;
    }
    const seedNumerals = new Set(seed.sections.map((s) => s.numeral));
    for (const [numeral, note] of bySection) {
      if (!seedNumerals.has(numeral)) warnings.push(`${note.file}: section ${numeral} is not in the seed`);
    }
  } else if (options.strict) {
    errors.push(`seed not found at ${options.seed} (--strict needs it; use --seed PATH)`);
  } else {
    warnings.push(`seed not found at ${options.seed}: skipped the comparison with the seed`);
  }

  for (const warning of warnings) console.warn(`warning: ${warning}`);
  for (const error of errors) console.error(`error: ${error}`);
  const topicTotal = notes.reduce((n, note) => n + note.topicCount, 0);
  console.log(
    `check-notes: ${notes.length} notes, ${topicTotal} topics; seed: ${compared.sections} sections, ` +
      `${compared.headings} headings, ${compared.lines} bullet/text lines compared` +
      `${options.strict ? ' (strict)' : ''}; ${errors.length} error(s)`,
  );
  return errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
