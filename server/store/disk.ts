// Where the store's writes and fsyncs run. A group commit is a short list of steps: the batch's
// ballot-box slots, fsync of the box, the journal lines, fsync of the journal. Run on the
// thread pool, each fsync's completion is an event the main thread reads only when it next
// polls; while a chamber's 3,000 votes pour in, that is after it has read every waiting vote
// (docs/PERFORMANCE.md), so no ack could leave until the burst was read.
//
// DiskThread runs the whole list in one worker thread, in order, with blocking calls, and marks
// each finished job in shared memory. The main thread looks at that mark on every journal
// append (an atomic load) as well as on the worker's message, so a batch's acks leave while
// the burst is still being read. The order of writes and fsyncs is the same as before: what
// is on disk at any crash is unchanged.
import { fdatasync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { encodeSlotJson } from './box-format.js';

/**
 * Write `buf` at `pos` (null: append); write a ballot-box slot from its payload's JSON
 * (box-format.ts: length, payload, zeros, checksum; built where it is written, so a worker
 * does the hashing); zero `zeros` bytes at `pos`; or fsync (fdatasync) `fd`.
 */
export type DiskOp =
  | { readonly fd: number; readonly buf: Uint8Array; readonly pos: number | null }
  | { readonly fd: number; readonly slot: string; readonly size: number; readonly pos: number }
  | { readonly fd: number; readonly zeros: number; readonly pos: number }
  | { readonly fd: number; readonly sync: true };

export interface Disk {
  /** Run the steps in order; resolves when all are done, rejects at the first that fails. */
  run(ops: readonly DiskOp[]): Promise<void>;
  /** Settle finished jobs now (cheap): called wherever the main thread passes by. */
  poll(): void;
  close(): Promise<void>;
}

function writeAll(fd: number, buf: Uint8Array, pos: number | null): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off, pos === null ? null : pos + off);
}

/** On the main thread: writes are synchronous (page cache), fsyncs go to the thread pool. */
export const inProcessDisk: Disk = {
  async run(ops) {
    for (const op of ops) {
      if ('sync' in op) await new Promise<void>((resolve, reject) => fdatasync(op.fd, (e) => (e ? reject(e) : resolve())));
      else if ('slot' in op) writeAll(op.fd, encodeSlotJson(op.slot, op.size), op.pos);
      else if ('zeros' in op) writeAll(op.fd, Buffer.alloc(op.zeros, 0), op.pos);
      else writeAll(op.fd, op.buf, op.pos);
    }
  },
  poll() {},
  async close() {},
};

// The worker: plain JavaScript, evaluated (nothing to bundle or resolve at run time).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { hash } = require('node:crypto');
const mark = new Int32Array(workerData.mark);
// encodeSlotJson (box-format.ts), in plain JS.
function slotBytes(json, size) {
  const buf = Buffer.alloc(size, 0);
  const len = buf.write(json, 4, 'utf8');
  buf.writeUInt32LE(len, 0);
  hash('sha256', buf.subarray(0, 4 + len), 'buffer').copy(buf, size - 32);
  return buf;
}
parentPort.on('message', (job) => {
  let error = null;
  try {
    for (const op of job.ops) {
      if (op.sync) { fs.fdatasyncSync(op.fd); continue; }
      const buf = op.slot !== undefined ? slotBytes(op.slot, op.size) : op.zeros !== undefined ? Buffer.alloc(op.zeros, 0) : job.data.subarray(op.start, op.end);
      let off = 0;
      while (off < buf.length) off += fs.writeSync(op.fd, buf, off, buf.length - off, op.pos === null ? null : op.pos + off);
    }
  } catch (e) {
    error = { message: e && e.message ? String(e.message) : String(e), code: e && e.code ? String(e.code) : undefined };
  }
  // [1] = whether job [0] failed; written first, so a reader of [0] sees it.
  Atomics.store(mark, 1, error ? 1 : 0);
  Atomics.store(mark, 0, job.id);
  parentPort.postMessage({ id: job.id, error });
});
`;

interface Job {
  readonly id: number;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

/** One job in flight at a time (the journal's drain awaits each), run in a worker thread. */
export class DiskThread implements Disk {
  private readonly mark = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  private job: Job | null = null;
  private nextId = 1;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { mark: this.mark.buffer } });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; error: { message: string; code?: string } | null }) => {
      const job = this.job;
      if (!job || job.id !== m.id) return; // settled already by poll()
      this.job = null;
      if (m.error) job.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else job.resolve();
    });
    this.worker.on('error', (e) => {
      const job = this.job;
      this.job = null;
      job?.reject(e);
    });
  }

  run(ops: readonly DiskOp[]): Promise<void> {
    if (this.job) return Promise.reject(new Error('disk thread: a job is already running'));
    const id = this.nextId++;
    // One buffer for all the data (one copy into the worker), the steps as offsets into it.
    let size = 0;
    for (const op of ops) if ('buf' in op) size += op.buf.length;
    const data = new Uint8Array(size);
    let at = 0;
    const steps = ops.map((op) => {
      if (!('buf' in op)) return op; // sync, slot, zeros: plain values
      data.set(op.buf, at);
      at += op.buf.length;
      return { fd: op.fd, pos: op.pos, start: at - op.buf.length, end: at };
    });
    return new Promise<void>((resolve, reject) => {
      this.job = { id, resolve, reject };
      this.worker.postMessage({ id, ops: steps, data });
    });
  }

  poll(): void {
    const job = this.job;
    if (!job || Atomics.load(this.mark, 0) !== job.id) return;
    if (Atomics.load(this.mark, 1) === 1) return; // a failure: its message carries the reason
    this.job = null;
    job.resolve();
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
