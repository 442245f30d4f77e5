// The e2e's movable clock: refused off loopback, follows the file's offset.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testClock } from './test-clock.js';

describe('test clock', () => {
  it('is refused on an address phones can reach', () => {
    expect(() => testClock('/nonexistent', '0.0.0.0')).toThrow(/loopback/);
  });

  it('is real time plus the offset in the file, and follows a change', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wz-clock-'));
    const file = join(dir, 'offset');
    await writeFile(file, String(3 * 86_400_000));
    const clock = testClock(file, '127.0.0.1');
    expect(clock() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 1000);
    await writeFile(file, String(10 * 86_400_000));
    await expect.poll(() => clock() - Date.now(), { timeout: 3000 }).toBeGreaterThan(10 * 86_400_000 - 1000);
    await rm(dir, { recursive: true, force: true });
  });
});
