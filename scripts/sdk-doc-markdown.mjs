// The documentation of the AWS SDK's TypeScript declarations as Markdown, for
// generate-ecs-schema.mjs: the JSDoc of a declaration (read through the TypeScript compiler) as
// text plus its @deprecated message, and the HTML subset of the AWS API documentation strings
// (paragraphs, lists, notes, code, links) rendered as Markdown.
import ts from 'typescript';

// Block tags that end the description. The compiler also reports a "tag" for any "@" that follows
// whitespace inside the prose (for example "... characters: + - = . _ : / @."), which would cut the
// text short if we used the parsed comment alone; so the description is the JSDoc node's own source
// text up to the first real block tag.
const BLOCK_DOC_TAGS = new Set(['public', 'internal', 'enum', 'deprecated', 'see', 'remarks', 'example']);

export function jsDocOf(node) {
  let text = '';
  let deprecated;
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(doc)) continue;
    const source = doc.getText();
    const blockTags = (doc.tags ?? []).filter((t) => BLOCK_DOC_TAGS.has(t.tagName.text));
    const end = blockTags.length ? blockTags[0].getStart() - doc.getStart() : source.length - 2;
    const comment = source
      .slice(3, end)
      .split('\n')
      .map((line) => line.replace(/^\s*\*(?!\/) ?/, ''))
      .join('\n')
      .trim();
    if (comment) text += (text ? ' ' : '') + comment;
    for (const tag of blockTags) {
      // "@public", "@enum" and similar markers are dropped; "@deprecated" is kept as a message.
      if (tag.tagName.text === 'deprecated') {
        deprecated = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim() || 'Deprecated.';
      }
    }
  }
  return { text: text.trim(), deprecated };
}

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

// Tiny HTML parser for the subset used in AWS API documentation strings.
function parseHtml(html) {
  const rootNode = { tag: '#root', attrs: {}, children: [] };
  const stack = [rootNode];
  const re =
    /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  let last = 0;
  let m;
  while ((m = re.exec(html))) {
    if (m.index > last) stack[stack.length - 1].children.push(html.slice(last, m.index));
    last = re.lastIndex;
    const [, closing, rawTag, rawAttrs, selfClosing] = m;
    const tag = rawTag.toLowerCase();
    if (closing) {
      const idx = stack.map((n) => n.tag).lastIndexOf(tag);
      if (idx > 0) stack.length = idx;
      continue;
    }
    const attrs = {};
    for (const a of rawAttrs.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const node = { tag, attrs, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!selfClosing && tag !== 'br') stack.push(node);
  }
  if (last < html.length) stack[stack.length - 1].children.push(html.slice(last));
  return rootNode;
}

function textOf(node) {
  if (typeof node === 'string') return decodeEntities(node);
  return node.children.map(textOf).join('');
}

function escapeMarkdown(s) {
  return s.replace(/([\\`*[\]<])/g, '\\$1');
}

function codeSpan(s) {
  const t = s.replace(/\s+/g, ' ').trim();
  if (!t) return '';
  const fence = t.includes('`') ? '``' : '`';
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

// Renders inline content; block elements become paragraphs separated by blank lines.
function renderInline(nodes) {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') {
      out += escapeMarkdown(decodeEntities(n).replace(/\s+/g, ' '));
      continue;
    }
    switch (n.tag) {
      case 'code':
        out += codeSpan(textOf(n));
        break;
      case 'a': {
        const label = renderInline(n.children).trim();
        const href = n.attrs.href;
        out += href ? `[${label || href}](${href})` : label;
        break;
      }
      case 'i':
      case 'em': {
        const inner = renderInline(n.children).trim();
        out += inner ? `_${inner}_` : '';
        break;
      }
      case 'b':
      case 'strong': {
        const inner = renderInline(n.children).trim();
        out += inner ? `**${inner}**` : '';
        break;
      }
      case 'br':
        out += '\n';
        break;
      default:
        out += ` ${renderBlocks([n], 0).trim()} `;
    }
  }
  return out;
}

const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'li', 'note', 'important', 'dl', 'dt', 'dd', 'div', 'pre']);

function renderBlocks(nodes, indent) {
  const blocks = [];
  let inline = [];
  const flush = () => {
    const text = renderInline(inline)
      .replace(/[ \t]+/g, ' ')
      .trim();
    if (text) blocks.push(text);
    inline = [];
  };
  for (const n of nodes) {
    if (typeof n === 'string' || !BLOCK_TAGS.has(n.tag)) {
      inline.push(n);
      continue;
    }
    flush();
    switch (n.tag) {
      case 'p':
      case 'div':
      case 'dd': {
        const text = renderBlocks(n.children, indent);
        if (text) blocks.push(text);
        break;
      }
      case 'dt': {
        const text = renderInline(n.children).trim();
        if (text) blocks.push(`**${text.replace(/^\*\*|\*\*$/g, '')}**`);
        break;
      }
      case 'dl': {
        const text = renderBlocks(n.children, indent);
        if (text) blocks.push(text);
        break;
      }
      case 'pre':
        blocks.push('```\n' + textOf(n).replace(/^\n+|\s+$/g, '') + '\n```');
        break;
      case 'note':
      case 'important': {
        const label = n.tag === 'note' ? 'Note:' : 'Important:';
        const text = renderBlocks(n.children, indent);
        if (text) blocks.push(`**${label}** ${text}`);
        break;
      }
      case 'ul':
      case 'ol': {
        const items = n.children.filter((c) => typeof c !== 'string' && c.tag === 'li');
        const lines = items.map((li, i) => {
          const bullet = n.tag === 'ol' ? `${i + 1}. ` : '- ';
          const body = renderBlocks(li.children, indent + bullet.length)
            .split('\n\n')
            .join('\n')
            .split('\n')
            .map((line, j) => (j === 0 ? line : ' '.repeat(bullet.length) + line))
            .join('\n');
          return bullet + body;
        });
        if (lines.length) blocks.push(lines.join('\n'));
        break;
      }
      case 'li': {
        const text = renderBlocks(n.children, indent);
        if (text) blocks.push(`- ${text}`);
        break;
      }
    }
  }
  flush();
  return blocks.join('\n\n');
}

export function htmlToMarkdown(html) {
  if (!html) return '';
  return renderBlocks(parseHtml(html).children, 0)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
