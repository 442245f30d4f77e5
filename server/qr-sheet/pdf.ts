// The printable QR sheet (一人一码): one card per deputy with name, 代表团, seat and the QR
// code of their personal link, 12 to an A4 page with light dashed cut lines, the meeting
// title on every page. Vector QR codes and embedded font subsets: prints sharp, works offline.
// pdfkit is loaded on first use (~25 MB), not when the server starts.
import { cjkFont, type CjkFont } from './fonts.js';
import { cardBox, cutLines, DEFAULT_LAYOUT, gridBox, pageCount, perPage, type Box } from './layout.js';
import { qrMatrix, QUIET_ZONE, type QrMatrix } from './qr.js';
import { TextWriter } from './text.js';

export interface QrCard {
  readonly name: string;
  readonly group: string;
  readonly seat: string;
  /** The deputy's personal link; whoever holds it votes as them. */
  readonly url: string;
}

/** Printed words, so the caller can pass them from the locale files. `{page}` and `{pages}` are filled in. */
export interface QrSheetLabels {
  readonly seat: string;
  readonly hint: string;
  readonly page: string;
}

export const DEFAULT_LABELS: QrSheetLabels = {
  seat: '座位',
  hint: '扫码签到与表决 · 本人专用，请勿转借',
  page: '第 {page} / {pages} 页',
};

export interface QrSheetInput {
  readonly meetingTitle: string;
  readonly cards: readonly QrCard[];
  readonly labels?: Partial<QrSheetLabels>;
}

const INK = '#000000';
const GREY = '#555555';
const CUT = '#b4b4b4';
const PAD = 10;

export async function renderQrSheetPdf(input: QrSheetInput): Promise<Buffer> {
  const labels = { ...DEFAULT_LABELS, ...input.labels };
  const [{ default: PDFDocument }, codes] = await Promise.all([import('pdfkit'), Promise.all(input.cards.map((c) => qrMatrix(c.url)))]);
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: input.meetingTitle, Creator: 'Wenzheng' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const writer = new TextWriter(doc);
  const regular = cjkFont(400);
  const bold = cjkFont(700);
  const pages = pageCount(input.cards.length);
  for (let page = 0; page < pages; page += 1) {
    doc.addPage({ size: 'A4', margin: 0 });
    drawHeader(writer, regular, bold, input.meetingTitle, labels.page.replace('{page}', String(page + 1)).replace('{pages}', String(pages)));
    drawCutLines(doc);
    const first = page * perPage(DEFAULT_LAYOUT);
    input.cards.slice(first, first + perPage(DEFAULT_LAYOUT)).forEach((card, i) => {
      const code = codes[first + i];
      if (!code) throw new Error(`no QR code for card ${first + i}`); // one per card, made above
      drawCard(doc, writer, regular, bold, card, code, cardBox(first + i).box, labels);
    });
  }
  doc.end();
  return done;
}

function drawHeader(writer: TextWriter, regular: CjkFont, bold: CjkFont, title: string, pageLabel: string): void {
  const grid = gridBox();
  const labelWidth = 90;
  writer.line(bold, title, { x: grid.x, y: DEFAULT_LAYOUT.margin, width: grid.width - labelWidth - 8, size: 15, minSize: 10 });
  writer.line(regular, pageLabel, { x: grid.x + grid.width - labelWidth, y: DEFAULT_LAYOUT.margin + 4, width: labelWidth, size: 9, align: 'right', color: GREY });
}

function drawCutLines(doc: PDFKit.PDFDocument): void {
  doc.save().lineWidth(0.5).strokeColor(CUT).dash(3, { space: 3 });
  for (const [x1, y1, x2, y2] of cutLines()) doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
  doc.undash().restore();
}

function drawCard(
  doc: PDFKit.PDFDocument,
  writer: TextWriter,
  regular: CjkFont,
  bold: CjkFont,
  card: QrCard,
  code: QrMatrix,
  box: Box,
  labels: QrSheetLabels,
): void {
  const inner = { x: box.x + PAD, width: box.width - 2 * PAD };
  writer.line(bold, card.name, { ...inner, y: box.y + 9, size: 18, minSize: 10, align: 'center', color: INK });
  const meta = [card.group, card.seat === '' ? '' : `${labels.seat} ${card.seat}`].filter((s) => s !== '').join('   ');
  writer.line(regular, meta, { ...inner, y: box.y + 33, size: 10, minSize: 7, align: 'center', color: GREY });

  // The QR fills what the text leaves; its quiet zone doubles as the spacing around it.
  const top = box.y + 48;
  const side = Math.min(inner.width, box.y + box.height - 24 - top);
  drawQr(doc, code, box.x + (box.width - side) / 2, top, side);
  const below = top + side;
  writer.line(regular, labels.hint, { ...inner, y: below, size: 7.5, minSize: 5.5, align: 'center', color: GREY });
  // The link in print, for a phone whose camera will not read the code. Left out if it cannot be read whole.
  writer.line(regular, card.url, { ...inner, y: below + 10, size: 6.5, minSize: 4.5, align: 'center', color: GREY, overflow: 'omit' });
}

function drawQr(doc: PDFKit.PDFDocument, { size, runs }: QrMatrix, x: number, y: number, side: number): void {
  const unit = side / (size + 2 * QUIET_ZONE);
  const ox = x + QUIET_ZONE * unit;
  const oy = y + QUIET_ZONE * unit;
  doc.save().fillColor(INK);
  // A hair of overlap keeps viewers' anti-aliasing from drawing seams between rows.
  for (const [row, col, len] of runs) doc.rect(ox + col * unit, oy + row * unit, len * unit, unit + 0.05);
  doc.fill().restore();
}
