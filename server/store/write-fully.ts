// Every durable write in the store goes through here or through disk.ts's loop: write(2) may
// write fewer bytes than asked without an error (a full disk cuts a write at a page it cannot
// allocate), so a single call that is not checked leaves a record cut short in the middle of
// the file, and a size counted from what was asked, not what was written, later "cuts back"
// by extending the file with zeros.
import type { FileHandle } from 'node:fs/promises';

/** Write all of `buf` at `pos` (null: at the end of a file opened to append); throws at the first error. */
export async function writeFully(fh: FileHandle, buf: Uint8Array, pos: number | null): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off, pos === null ? null : pos + off);
    if (bytesWritten === 0) throw Object.assign(new Error(`ENOSPC: no space left on device, write (0 of ${buf.length - off} bytes written)`), { code: 'ENOSPC' });
    off += bytesWritten;
  }
}
