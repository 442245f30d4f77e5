// The disk thread (disk.ts): a group commit's writes and fsyncs, in order, off the main thread.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DiskThread, inProcessDisk } from './disk.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wz-disk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (s: string) => Buffer.from(s, 'utf8');

it.each([
  ['a worker thread', () => new DiskThread()],
  ['the main thread', () => inProcessDisk],
])('%s: runs positioned writes, appends and fsyncs in order; a failing step rejects with its code', async (_name, make) => {
  const disk = make();
  const at = join(dir, 'box');
  const log = join(dir, 'log');
  const box = openSync(at, 'w+');
  const journal = openSync(log, 'a+');
  try {
    await disk.run([
      { fd: box, buf: bytes('.........'), pos: 0 },
      { fd: box, buf: bytes('XY'), pos: 3 },
      { fd: box, sync: true },
      { fd: journal, buf: bytes('one\n'), pos: null },
      { fd: journal, buf: bytes('two\n'), pos: null },
      { fd: journal, sync: true },
    ]);
    await disk.run([{ fd: journal, buf: bytes('three\n'), pos: null }]);
    expect(readFileSync(at, 'utf8')).toBe('...XY....');
    expect(readFileSync(log, 'utf8')).toBe('one\ntwo\nthree\n');
    await expect(disk.run([{ fd: 987654, buf: bytes('x'), pos: 0 }])).rejects.toMatchObject({ code: 'EBADF' });
    await disk.run([{ fd: journal, buf: bytes('four\n'), pos: null }]); // a failure does not stop the next job
    expect(readFileSync(log, 'utf8')).toBe('one\ntwo\nthree\nfour\n');
  } finally {
    closeSync(box);
    closeSync(journal);
    await disk.close();
  }
});

it('poll() settles a finished job at once, without waiting for the event loop to deliver the worker’s message', async () => {
  const disk = new DiskThread();
  const fd = openSync(join(dir, 'f'), 'w+');
  try {
    let settled = false;
    const job = disk.run([{ fd, buf: bytes('x'.repeat(1000)), pos: 0 }, { fd, sync: true }]).then(() => (settled = true));
    // Busy-wait on the main thread (as while reading a burst of votes): only poll() can see the job finish.
    const until = Date.now() + 5000;
    while (!settled && Date.now() < until) {
      disk.poll();
      await Promise.resolve(); // microtasks run; no macrotask (no message) can
      await Promise.resolve();
    }
    expect(settled).toBe(true);
    await job;
  } finally {
    closeSync(fd);
    await disk.close();
  }
});

it('a slot written by the worker is byte for byte the one encodeSlot makes (the worker repeats it in plain JS)', async () => {
  const { encodeSlot, slotJson } = await import('./box-format.js');
  const disk = new DiskThread();
  const path = join(dir, 'slots');
  const fd = openSync(path, 'w+');
  const size = 512;
  const payloads = [
    { receipt: 'ABCDEFGH', v: 1, content: { kind: 'motion' as const, choice: 'for' as const }, pending: 's-1' },
    { receipt: 'ZZZZ2345', v: 7, content: { kind: 'select' as const, picks: ['p1', 'p2', '项目三'] } },
    { receipt: 'K9K9K9K9', v: 2, content: { kind: 'rating' as const, ratings: { 教育局: 'satisfied', s2: 85 } } },
  ];
  try {
    await disk.run([...payloads.map((p, i) => ({ fd, slot: slotJson(p, size), size, pos: i * size })), { fd, zeros: size, pos: payloads.length * size }, { fd, sync: true }]);
    const file = readFileSync(path);
    payloads.forEach((p, i) => expect(file.subarray(i * size, (i + 1) * size).equals(encodeSlot(p, size))).toBe(true));
    expect(file.subarray(payloads.length * size).equals(Buffer.alloc(size, 0))).toBe(true);
  } finally {
    closeSync(fd);
    await disk.close();
  }
});
