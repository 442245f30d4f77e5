// CSV bytes to a grid of cell strings. Chinese offices hand us three encodings: UTF-8 with a
// BOM (Excel's "CSV UTF-8"), plain GBK (Excel's "CSV" on a Chinese Windows, and WPS), and
// UTF-16 with tabs (Excel's "Unicode text"). The grid keeps row positions as a spreadsheet
// program would number them: record i of the file is row i + 1.

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Decode with the encoding a BOM names; without one, UTF-8 if the bytes are valid UTF-8, else GBK. */
export function decodeText(data: Uint8Array): { text: string; encoding: Encoding } {
  const [b0, b1, b2] = data;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: decode('utf-8', data.subarray(3)), encoding: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { text: decode('utf-16le', data.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decode('utf-16be', data.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    // GB18030 is the WHATWG decoder behind the 'gbk' label too, and a strict superset of it.
    return { text: decode('gb18030', data), encoding: 'gb18030' };
  }
}

function decode(encoding: Encoding, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter that occurs most often outside quotes on the first line; comma when none does. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const c = counts.get(d) ?? 0;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/**
 * RFC 4180 parsing: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF,
 * LF and lone CR all end a record. A trailing line break does not add an empty record.
 */
export function parseCsv(text: string): string[][] {
  const delimiter = detectDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** True when the bytes look like a binary file rather than text: NUL bytes early on. */
export function looksBinary(data: Uint8Array): boolean {
  const head = data.subarray(0, 4096);
  // UTF-16 text is full of NULs; its BOM was checked before we get here.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}
