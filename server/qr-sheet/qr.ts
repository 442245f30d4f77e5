// QR codes made on this machine with the `qrcode` package, never by a web service: a
// deputy's personal link is a credential and the chamber LAN may have no internet anyway.
// The package is loaded on first use, not when the server starts.

const qrcode = async () => (await import('qrcode')).default;

/**
 * Level M (15 % recovery) keeps a ~60-character link at version 4 (33 modules), so each
 * module prints at about 1 mm on a 40 mm code: easy for old phone cameras in a dim hall.
 */
const LEVEL = 'M';

/** Quiet zone in modules around the code, as the QR standard asks. */
export const QUIET_ZONE = 4;

/** A standalone SVG of the code with its quiet zone, for the printable HTML version. */
export async function qrSvg(text: string): Promise<string> {
  const QRCode = await qrcode();
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: LEVEL, margin: QUIET_ZONE });
}

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  /** Dark modules as horizontal runs: row, first column, length. Fewer shapes than one per module. */
  readonly runs: readonly (readonly [number, number, number])[];
}

export async function qrMatrix(text: string): Promise<QrMatrix> {
  const QRCode = await qrcode();
  const { modules } = QRCode.create(text, { errorCorrectionLevel: LEVEL });
  const { size } = modules;
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row += 1) {
    let start = -1;
    for (let col = 0; col <= size; col += 1) {
      const dark = col < size && modules.get(row, col) !== 0;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push([row, start, col - start]);
        start = -1;
      }
    }
  }
  return { size, runs };
}
