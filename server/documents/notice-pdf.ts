// The 公告 and the 测评结果通报 as an A4 PDF: title, number, the lead paragraph, the table of
// adopted projects or rated subjects, the statement on unfilled seats or 整改, the closing
// line, the issuing body and date on the right with a space for the seal. Fonts are embedded
// subsets (server/qr-sheet/fonts.ts), so the file prints the same on any machine, offline.
// Paragraphs wrap with shared/line-break.ts: no line starts with closing punctuation (N5).
import { wrapText } from '../../shared/line-break.js';
import { cjkFont, type CjkFont } from '../qr-sheet/fonts.js';
import { TextWriter } from '../qr-sheet/text.js';
import type { NoticeText } from './words.js';

/** What the PDF lays out: a notice's text, or another document of the same form (督办通知书), with an addressee line. */
export type PrintedText = Omit<NoticeText, 'kind'> & { readonly to?: string };

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { x: 26 * MM, top: 30 * MM, bottom: 22 * MM };
const WIDTH = PAGE.width - 2 * MARGIN.x;
const BODY = 12;
const LEAD = BODY * 1.9;
const RED = '#b3261e';
const INK = '#000000';

interface Pen {
  doc: PDFKit.PDFDocument;
  w: TextWriter;
  regular: CjkFont;
  bold: CjkFont;
  y: number;
}

function room(p: Pen, h: number): void {
  if (p.y + h <= PAGE.height - MARGIN.bottom) return;
  p.doc.addPage({ size: 'A4', margin: 0 });
  p.y = MARGIN.top;
}

/** A paragraph wrapped to the text width; the first line indented by two characters. */
function paragraph(p: Pen, text: string, indent = true): void {
  const first = indent ? 2 * BODY : 0;
  const all = wrapText(text, WIDTH, (s) => p.w.width(p.regular, s, BODY), WIDTH - first);
  all.forEach((line, i) => {
    room(p, LEAD);
    p.w.line(p.regular, line, { x: MARGIN.x + (i === 0 ? first : 0), y: p.y, width: WIDTH, size: BODY });
    p.y += LEAD;
  });
}

type Table = Pick<PrintedText, 'columns' | 'numeric' | 'rows'>;

function table(p: Pen, n: Table): void {
  const cols = n.columns.length;
  // Name columns take what the figure columns leave.
  const narrow = n.numeric.map((num, i): number => (num ? (i === 0 ? 36 : 58) : 0));
  const wide = n.numeric.filter((x) => !x).length;
  const free = WIDTH - narrow.reduce((a, b) => a + b, 0);
  const widths = n.numeric.map((num, i) => (num ? (narrow[i] ?? 0) : free / Math.max(1, wide)));
  // A name is never cut: text cells wrap (N5 rules) and the row grows to its tallest cell.
  const size = 10.5;
  const lineH = size * 1.45;
  const drawRow = (cells: string[], bold: boolean) => {
    const font = bold ? p.bold : p.regular;
    const wrapped = cells.map((cell, c) => (n.numeric[c] ? [cell] : wrapText(cell, (widths[c] ?? 0) - 8, (x) => p.w.width(font, x, size))));
    const rowH = Math.max(22, 10 + lineH * Math.max(1, ...wrapped.map((l) => l.length)));
    room(p, rowH);
    let x = MARGIN.x;
    for (let c = 0; c < cols; c++) {
      const w = widths[c] ?? 0;
      (wrapped[c] ?? []).forEach((line, i) => {
        p.w.line(font, line, { x: x + 4, y: p.y + 5 + i * lineH, width: w - 8, size, minSize: 7, align: n.numeric[c] ? 'right' : 'left', color: INK });
      });
      x += w;
    }
    p.doc.save().lineWidth(0.5).strokeColor('#777777').moveTo(MARGIN.x, p.y + rowH).lineTo(MARGIN.x + WIDTH, p.y + rowH).stroke().restore();
    p.y += rowH;
  };
  p.doc.save().lineWidth(1).strokeColor(INK).moveTo(MARGIN.x, p.y).lineTo(MARGIN.x + WIDTH, p.y).stroke().restore();
  drawRow(n.columns, true);
  for (const row of n.rows) drawRow(row, false);
  p.y += 10;
}

/** Y20: the audience's figures under their own heading, each table with its own line above it. */
function annex(p: Pen, a: NonNullable<PrintedText['annex']>): void {
  room(p, LEAD * 3);
  p.y += 8;
  p.w.line(p.bold, a.title, { x: MARGIN.x, y: p.y, width: WIDTH, size: 14, align: 'center' });
  p.y += LEAD * 1.2;
  paragraph(p, a.intro);
  for (const t of a.tables) {
    room(p, LEAD + 44);
    p.w.line(p.bold, t.heading, { x: MARGIN.x, y: p.y, width: WIDTH, size: BODY, minSize: 9 });
    p.y += LEAD;
    table(p, t);
  }
  if (a.rule) paragraph(p, a.rule);
}

export async function renderNoticePdf(n: PrintedText, meetingTitle: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `${n.title} ${n.number}`, Subject: meetingTitle, Creator: 'Wenzheng' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.addPage({ size: 'A4', margin: 0 });
  const p: Pen = { doc, w: new TextWriter(doc), regular: cjkFont(400), bold: cjkFont(700), y: MARGIN.top };

  p.w.line(p.bold, n.issuer, { x: MARGIN.x, y: p.y, width: WIDTH, size: 20, minSize: 12, align: 'center', color: RED });
  p.y += 34;
  p.w.line(p.bold, n.title, { x: MARGIN.x, y: p.y, width: WIDTH, size: 26, align: 'center', color: RED });
  p.y += 40;
  p.w.line(p.regular, n.number, { x: MARGIN.x, y: p.y, width: WIDTH, size: 13, align: 'center' });
  p.y += 22;
  doc.save().lineWidth(1.5).strokeColor(RED).moveTo(MARGIN.x, p.y).lineTo(MARGIN.x + WIDTH, p.y).stroke().restore();
  p.y += 18;

  if (n.to) paragraph(p, n.to, false);
  paragraph(p, n.lead);
  p.y += 6;
  table(p, n);
  for (const s of n.statements) paragraph(p, s);
  if (n.annex) annex(p, n.annex);
  paragraph(p, n.closing);

  // Issuer and date on the right, over a dashed circle where the seal goes.
  room(p, 120);
  p.y += 28;
  const right = { x: MARGIN.x + WIDTH / 2, width: WIDTH / 2 };
  // The seal goes over the issuer and date, as on a printed notice; its label sits below them.
  const sealY = p.y + LEAD * 0.7;
  doc.save().lineWidth(0.6).strokeColor('#bbbbbb').dash(2, { space: 3 }).circle(right.x + right.width / 2, sealY, 42).stroke().undash().restore();
  p.w.line(p.regular, n.seal, { x: right.x, y: p.y + 2 * LEAD + 4, width: right.width, size: 9, align: 'center', color: '#999999' });
  p.w.line(p.regular, n.issuer, { ...right, y: p.y, size: BODY, minSize: 9, align: 'center' });
  p.w.line(p.regular, n.date, { ...right, y: p.y + LEAD, size: BODY, align: 'center' });
  doc.end();
  return done;
}
