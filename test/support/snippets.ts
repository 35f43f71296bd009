/** VS Code snippet syntax in tests: a snippet with every tab stop filled by its default. */
import assert from 'node:assert/strict';

/** The variables a snippet may use, with the values the tests give them. */
export const SNIPPET_VARIABLES: Record<string, string> = {
  TM_FILENAME_BASE: 'template',
  TM_FILENAME: 'template.yaml',
  WORKSPACE_NAME: 'work',
};

/** Finds the `}` closing the `${` whose content starts at `from`. */
function closing(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unclosed \${ in snippet: ${text.slice(from - 2, from + 40)}`);
}

function variable(name: string): string {
  const value = SNIPPET_VARIABLES[name];
  assert.ok(
    value !== undefined,
    `unescaped $${name} in a snippet: VS Code would read it as a variable (write \\$${name})`,
  );
  return value;
}

/** A snippet body with every tab stop, placeholder and choice replaced by its default (VS Code syntax). */
export function expandSnippet(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '$}\\,|'.includes(text[i + 1])) {
      out += text[++i];
    } else if (c === '$' && /\d/.test(text[i + 1] ?? '')) {
      while (/\d/.test(text[i + 1] ?? '')) i++;
    } else if (c === '$' && text[i + 1] === '{') {
      const end = closing(text, i + 2);
      const inner = text.slice(i + 2, end);
      i = end;
      const placeholder = /^(\d+|[A-Z_]+):([\s\S]*)$/.exec(inner);
      const choice = /^\d+\|([\s\S]*)\|$/.exec(inner);
      if (choice) out += expandSnippet(choice[1].split(/(?<!\\),/)[0]);
      else if (placeholder)
        out += /^\d/.test(placeholder[1])
          ? expandSnippet(placeholder[2])
          : (SNIPPET_VARIABLES[placeholder[1]] ?? expandSnippet(placeholder[2]));
      else if (/^[A-Z_]+$/.test(inner)) out += variable(inner);
      else assert.match(inner, /^\d+$/, `unexpected \${${inner}}`);
    } else if (c === '$' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0] ?? '';
      out += variable(name);
      i += name.length;
    } else {
      out += c;
    }
  }
  return out;
}
