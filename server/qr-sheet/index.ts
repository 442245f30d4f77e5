// The printable QR sheet (一人一码): a PDF for the print shop, and the QR codes as SVG for
// a printable HTML page. Both are made on this machine; nothing is fetched.
export { renderQrSheetPdf, DEFAULT_LABELS, type QrCard, type QrSheetInput, type QrSheetLabels } from './pdf.js';
export { qrSvg, qrMatrix, QUIET_ZONE, type QrMatrix } from './qr.js';
export { missingGlyphs } from './fonts.js';
export { A4, DEFAULT_LAYOUT, pageCount, cardBox, type SheetLayout, type Box } from './layout.js';
