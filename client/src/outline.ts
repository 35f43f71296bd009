/**
 * One outline per file: VS Code's own JSON support already outlines every JSON file, so a second
 * "AWS Dev Notes" outline beside it is noise; YAML has no built-in outline, so ours stays there.
 * Pure, so unit tests cover it.
 */
export function offersOutline(languageId: string, jsonOutlineInstalled: boolean): boolean {
  return !(languageId === 'json' && jsonOutlineInstalled);
}
