// A real small file system for the full-disk tests: a tmpfs of a few MB mounted on a temporary
// folder (root only), and a filler file that takes all of its space but a given number of bytes.
// A real full disk cuts writes short, part of a page at a time, which a simulated error thrown
// before any byte is written (store/disk-faults.ts) never does.
import { execFile } from 'node:child_process';
import { mkdtemp, open, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether this process may mount a tmpfs (root on Linux). */
export function canMount(): boolean {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;
}

export interface SmallDisk {
  readonly dir: string;
  /** Take every free byte but `leave` (rounded to pages by the file system). */
  fill(leave: number): Promise<void>;
  /** Give the filler's space back. */
  free(): Promise<void>;
  unmount(): Promise<void>;
}

export async function mountSmallDisk(sizeMb: number): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'wz-tmpfs-'));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  return {
    dir,
    async fill(leave) {
      const fh = await open(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 0x55);
      let written = (await fh.stat()).size;
      try {
        for (;;) {
          const { bytesWritten } = await fh.write(chunk, 0, chunk.length, null);
          written += bytesWritten;
          if (bytesWritten < chunk.length) break;
        }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        await fh.close();
      }
      await truncate(filler, Math.max(0, written - leave));
    },
    async free() {
      await rm(filler, { force: true });
    },
    async unmount() {
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
