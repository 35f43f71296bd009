// The Markdown outline of a note or of the seed for scripts/check-notes.mjs: headings, list items,
// topic comments and other text lines, with list nesting depth, and how two items compare.

const TOPICS_COMMENT = /^\s*<!--\s*topics:(.*?)-->\s*$/;

function normalizeText(text) {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * @param {string[]} lines
 * @param {number} firstLine 1-based number of lines[0] in its file
 * @returns {Array<{kind: 'h'|'li'|'p'|'topics', level?: number, depth?: number, marker?: string,
 *   text: string, line: number}>}
 */
export function outline(lines, firstLine = 1) {
  const items = [];
  let stack = []; // content columns of the open list items
  let fence = null;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\t/g, '    ');
    const lineNo = firstLine + i;
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      return;
    }
    if (/^\s*$/.test(line)) return;
    const topics = TOPICS_COMMENT.exec(line);
    if (topics) {
      items.push({ kind: 'topics', text: topics[1].trim(), line: lineNo });
      return;
    }
    if (/^\s*<!--.*-->\s*$/.test(line)) return;
    const heading = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      stack = [];
      items.push({
        kind: 'h',
        level: heading[1].length,
        text: normalizeText(heading[2] ?? ''),
        line: lineNo,
      });
      return;
    }
    const indent = /^ */.exec(line)[0].length;
    while (stack.length > 0 && indent < stack[stack.length - 1]) stack.pop();
    const item = /^( *)([-*+]|\d{1,9}[.)])( +)(.*)$/.exec(line);
    if (item) {
      const depth = stack.length;
      const spaces = item[3].length > 4 ? 1 : item[3].length;
      stack.push(indent + item[2].length + spaces);
      const marker = /^\d/.test(item[2]) ? `${parseInt(item[2], 10)}.` : '-';
      items.push({ kind: 'li', depth, marker, text: normalizeText(item[4]), line: lineNo });
      return;
    }
    items.push({ kind: 'p', depth: stack.length, text: normalizeText(line), line: lineNo });
  });
  return items;
}

export function describe(item) {
  if (item.kind === 'h') return `${'#'.repeat(item.level)} ${item.text}`;
  if (item.kind === 'li') return `${'  '.repeat(item.depth)}${item.marker} ${item.text}`;
  return `${'  '.repeat(item.depth ?? 0)}${item.text}`;
}

export function sameItem(a, b) {
  return (
    a.kind === b.kind &&
    a.text === b.text &&
    (a.level ?? 0) === (b.level ?? 0) &&
    (a.depth ?? 0) === (b.depth ?? 0) &&
    (a.marker ?? '') === (b.marker ?? '')
  );
}
