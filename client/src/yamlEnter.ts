/**
 * Enter after a YAML key with no value yet (`Properties:`, `- Name:`, `Code: |`) indents the
 * next line, so a newcomer need not press Tab by hand. Pure, so unit tests cover it; registered
 * for the `yaml` language in extension.ts.
 */

/** A line that opens a nested block: a key (maybe a list item's) ending at its colon or a block scalar. */
export const OPENS_BLOCK =
  /^\s*(?:- +)?(?:"[^"]*"|'[^']*'|[^\s#'"-][^#]*?|-[^\s#][^#]*?):(?:\s+[|>][-+0-9]*)?\s*(?:#.*)?$/;
