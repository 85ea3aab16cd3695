/**
 * The Word version of a document, for boards that annotate in Word or LibreOffice: made from the
 * document's HTML, so that both say the same thing, with real headings (the navigation pane),
 * real tables whose header rows repeat on each page, and ticking boxes. Loaded only when
 * `--format docx` is asked for: the `docx` library is large.
 *
 * The same project gives the same bytes on any day: the archive's file dates and the document's
 * properties carry the project's start date, not the time of rendering.
 */
import { BorderStyle, CheckBox, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { hasClass, parseHtml, type HtmlElement, type HtmlNode } from './html-tree.js';

export interface DocxOptions {
  /** The document's title, in its properties. */
  title: string;
  lang: string;
  /** The language's colon (" :" in French), between a term and its value. */
  colon: string;
  /** A YYYY-MM-DD date that stands for every timestamp in the file. */
  stamp: string;
}

type Piece = { text: string; bold?: boolean; italics?: boolean; code?: boolean } | { box: true } | { br: true };
type Style = { bold?: boolean; italics?: boolean; code?: boolean };
type Block = Paragraph | Table;

const headings: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = { h1: HeadingLevel.HEADING_1, h2: HeadingLevel.HEADING_2, h3: HeadingLevel.HEADING_3, h4: HeadingLevel.HEADING_4, h5: HeadingLevel.HEADING_5, h6: HeadingLevel.HEADING_6 };
const inlineTags = new Set(['a', 'abbr', 'b', 'bdi', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'label', 'font']);
const line = { style: BorderStyle.SINGLE, size: 6, color: '6B6B6B', space: 1 };

/** Collapses whitespace as a browser would, and drops what would show as nothing. */
function runs(pieces: Piece[]): ParagraphChild[] {
  const out: Piece[] = [];
  let lastSpace = true;
  for (const piece of pieces) {
    if (!('text' in piece)) {
      out.push(piece);
      lastSpace = 'br' in piece;
      continue;
    }
    let text = piece.text.replace(/[ \t\r\n\f]+/g, ' ');
    if (lastSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    lastSpace = text.endsWith(' ');
    out.push({ ...piece, text });
  }
  const last = out.at(-1);
  if (last && 'text' in last) last.text = last.text.replace(/ $/, '');
  return out.flatMap((piece): ParagraphChild[] => {
    if ('box' in piece) return [new CheckBox({ checked: false }), new TextRun(' ')];
    if ('br' in piece) return [new TextRun({ break: 1 })];
    if (piece.text === '') return [];
    return [new TextRun({ text: piece.text, ...(piece.bold ? { bold: true } : {}), ...(piece.italics ? { italics: true } : {}), ...(piece.code ? { font: 'Consolas' } : {}) })];
  });
}

class Converter {
  private readonly blocks: Block[] = [];
  private pending: Piece[] = [];
  private bullet: number | undefined;

  constructor(private readonly colon: string) {}

  result(): Block[] {
    this.flush();
    return this.blocks;
  }

  private flush(options: { heading?: string; border?: boolean } = {}): void {
    const children = runs(this.pending);
    this.pending = [];
    if (children.length === 0 && !options.border) return;
    this.blocks.push(
      new Paragraph({
        children,
        ...(options.heading ? { heading: headings[options.heading] } : {}),
        ...(this.bullet !== undefined && !options.heading ? { bullet: { level: this.bullet } } : {}),
        ...(options.border ? { border: { bottom: line }, spacing: { before: 240 } } : {}),
      }),
    );
  }

  nodes(nodes: HtmlNode[], style: Style): void {
    for (const node of nodes) this.node(node, style);
  }

  private node(node: HtmlNode, style: Style): void {
    if (typeof node === 'string') {
      this.pending.push({ text: node, ...style });
      return;
    }
    const { tag } = node;
    // A box to tick and a line to write on are drawn by CSS, hidden from screen readers.
    if (hasClass(node, 'box')) return void this.pending.push({ box: true });
    if (hasClass(node, 'line')) {
      this.flush();
      return this.flush({ border: true });
    }
    // What is hidden from screen readers is decoration (an icon, a drawing, a hint for phones).
    if (node.attrs['aria-hidden'] === 'true' || node.attrs.hidden !== undefined) return;
    if (tag === 'br') return void this.pending.push({ br: true });
    if (tag === 'img') return void (node.attrs.alt && this.pending.push({ text: node.attrs.alt, ...style }));
    if (inlineTags.has(tag)) {
      const inner = { ...style, ...(tag === 'strong' || tag === 'b' ? { bold: true } : {}), ...(tag === 'em' || tag === 'i' ? { italics: true } : {}), ...(tag === 'code' || tag === 'kbd' ? { code: true } : {}) };
      return this.nodes(node.children, inner);
    }
    if (tag === 'table') return this.table(node);
    if (headings[tag]) {
      this.flush();
      this.nodes(node.children, style);
      return this.flush({ heading: tag });
    }
    if (tag === 'dt') {
      this.flush();
      this.nodes(node.children, { ...style, bold: true });
      return void this.pending.push({ text: `${this.colon} `, bold: true });
    }
    if (tag === 'dd') {
      this.nodes(node.children, style);
      return this.flush();
    }
    if (tag === 'ul' || tag === 'ol') {
      this.flush();
      // Lists the templates style themselves (cards, boxes to tick, the timeline) have no bullets.
      const before = this.bullet;
      if (!node.attrs.class) this.bullet = before === undefined ? 0 : before + 1;
      this.nodes(node.children, style);
      this.flush();
      this.bullet = before;
      return;
    }
    // Any other element is a block: what it holds starts and ends a paragraph.
    this.flush();
    this.nodes(node.children, style);
    this.flush();
  }

  private table(table: HtmlElement): void {
    this.flush();
    const rows: TableRow[] = [];
    const walk = (node: HtmlElement, header: boolean) => {
      for (const child of node.children) {
        if (typeof child === 'string') continue;
        if (child.tag === 'thead') walk(child, true);
        else if (child.tag === 'tbody' || child.tag === 'tfoot') walk(child, false);
        else if (child.tag === 'caption') {
          const caption = new Converter(this.colon);
          caption.nodes(child.children, { bold: true });
          this.blocks.push(...caption.result());
        } else if (child.tag === 'tr') {
          const cells = child.children.filter((c): c is HtmlElement => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'));
          if (cells.length === 0) continue;
          rows.push(
            new TableRow({
              // A header row repeats at the top of each page; no row is split across two.
              ...(header ? { tableHeader: true } : {}),
              cantSplit: true,
              children: cells.map((cell) => {
                const inner = new Converter(this.colon);
                inner.nodes(cell.children, cell.tag === 'th' ? { bold: true } : {});
                const content = inner.result();
                const span = Number(cell.attrs.colspan);
                return new TableCell({
                  children: content.length ? content : [new Paragraph('')],
                  ...(Number.isInteger(span) && span > 1 ? { columnSpan: span } : {}),
                  ...(header ? { shading: { fill: 'ECECEC' } } : {}),
                });
              }),
            }),
          );
        }
      }
    };
    walk(table, false);
    if (rows.length) this.blocks.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The document's properties, written by us: the library would stamp them with the current time. */
function coreProperties(title: string, stamp: string): string {
  const when = `${stamp}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>adopt</dc:creator><cp:lastModifiedBy>adopt</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Sets every entry's date in a ZIP archive (local headers and central directory) to one day, in
 * the MS-DOS format ZIP uses; the zip library dates each entry with the current time.
 */
export function stampZip(zip: Uint8Array, stamp: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const [year, month, day] = stamp.split('-').map(Number) as [number, number, number];
  const dosDate = ((Math.max(1980, year) - 1980) << 9) | (month << 5) | day;
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('unexpected zip central directory');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

export async function htmlToDocx(html: string, options: DocxOptions): Promise<Uint8Array> {
  const converter = new Converter(options.colon);
  converter.nodes(parseHtml(html).children, {});
  const children = converter.result();
  const document = new Document({
    creator: 'adopt',
    title: options.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 21, language: { value: options.lang === 'fr' ? 'fr-FR' : 'en-GB' } } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } }, children: children.length ? children : [new Paragraph('')] }],
  });
  const zip = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(options.title, options.stamp) }]);
  return stampZip(new Uint8Array(zip), options.stamp);
}
