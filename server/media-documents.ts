// Documents attached to rectification plans and progress reports (U44): PDF and Word (.docx),
// told by their content, never by a name or a header the client sent. A PDF starts with
// "%PDF-1." or "%PDF-2." and ends with "%%EOF" (a truncated upload does not); a .docx is a zip
// whose central directory holds [Content_Types].xml and word/document.xml and no macro project
// (a .docm renamed to .docx is refused). The zip is only listed, never inflated.
import { open, stat } from 'node:fs/promises';
import yauzl from 'yauzl';

/** 50 MB: a scanned plan of some hundred pages. Photos and videos keep their own limit. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const DOC_MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;
export type DocumentExt = keyof typeof DOC_MIME;

/** A central directory with more entries than this is not a Word document we keep. */
const MAX_ENTRIES = 5000;
const TAIL = 1024;

async function ends(path: string, size: number): Promise<Buffer> {
  const f = await open(path, 'r');
  try {
    const n = Math.min(TAIL, size);
    const buf = Buffer.alloc(n);
    await f.read(buf, 0, n, size - n);
    return buf;
  } finally {
    await f.close();
  }
}

/** The entry names of a zip's central directory, or null when it is not a readable zip (or too many). */
function zipEntries(path: string): Promise<Set<string> | null> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (e, zip) => {
      if (e || !zip) return resolve(null);
      if (zip.entryCount > MAX_ENTRIES) {
        zip.close();
        return resolve(null);
      }
      const names = new Set<string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        names.add(entry.fileName.toLowerCase());
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

/** [U44] Which document the file at `path` is (by content), or null. `head` is its first bytes. */
export async function documentType(path: string, head: Uint8Array): Promise<DocumentExt | null> {
  const start = Buffer.from(head.subarray(0, 8)).toString('latin1');
  if (/^%PDF-[12]\.\d/.test(start)) {
    const { size } = await stat(path);
    return (await ends(path, size)).toString('latin1').includes('%%EOF') ? 'pdf' : null;
  }
  if (start.startsWith('PK\x03\x04')) {
    const names = await zipEntries(path);
    if (!names) return null;
    const word = names.has('[content_types].xml') && names.has('word/document.xml');
    const macros = [...names].some((n) => n.endsWith('vbaproject.bin'));
    return word && !macros ? 'docx' : null;
  }
  return null;
}
