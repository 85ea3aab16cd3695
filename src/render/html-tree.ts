/**
 * Reads the HTML that the document templates produce back into a tree, so that the Word version
 * is made from the very same content as the HTML one (and from the user's own HTML templates,
 * when they override ours). It is a forgiving reader for well-formed generated markup, not a
 * browser: a stray closing tag is ignored, an unclosed element ends with its parent, and the
 * head, styles, scripts and drawings are left out.
 */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is never document text. */
const skipped = new Set(['head', 'style', 'script', 'svg', 'template', 'noscript', 'title']);

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', middot: '·', euro: '€' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(/([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

/** The `<body>` of a document as a tree (the whole text when it has no body element). */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let skipping: { tag: string; depth: number } | undefined;
  const token = /<!--[\s\S]*?-->|<!\w[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  for (const match of html.matchAll(token)) {
    const [whole, closing, rawTag, rawAttrs, text] = match;
    const top = stack[stack.length - 1]!;
    if (rawTag === undefined) {
      if (skipping || whole.startsWith('<!')) continue;
      top.children.push(decodeEntities(text ?? whole));
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (skipping) {
      if (tag === skipping.tag) skipping.depth += closing ? -1 : 1;
      if (skipping.depth === 0) skipping = undefined;
      continue;
    }
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const selfClosing = (rawAttrs ?? '').trimEnd().endsWith('/');
    if (skipped.has(tag)) {
      if (!selfClosing) skipping = { tag, depth: 1 };
      continue;
    }
    if (tag === 'html' || tag === 'body') continue;
    const element: HtmlElement = { tag, attrs: attributes((rawAttrs ?? '').replace(/\/\s*$/, '')), children: [] };
    top.children.push(element);
    if (!voidTags.has(tag) && !selfClosing) stack.push(element);
  }
  return root;
}

export function hasClass(element: HtmlElement, name: string): boolean {
  return (element.attrs.class ?? '').split(/\s+/).includes(name);
}

