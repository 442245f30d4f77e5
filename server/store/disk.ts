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

// A job's steps go to the worker packed: numbers in one Float64Array and the slots' JSON in one
// string, not an object per step. Structured cloning of ~9,000 small objects (three steps per
// secret ballot) was ~7% of the core's thread in an S3 burst (docs/PERFORMANCE.md).
const OP_FIELDS = 6;
const OP_SYNC = 0;
const OP_BUF = 1;
const OP_SLOT = 2;
const OP_ZEROS = 3;

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
// Compiled before the first ballot (as server/warm-up.ts does for the main thread's part).
for (let i = 0; i < 2000; i++) slotBytes('{"receipt":"WARMWARM","v":1,"content":{"kind":"motion","choice":"for"},"batch":' + i + '}', 512);
// A job: its steps as numbers (OP_FIELDS per step: kind, fd, pos (-1: append), a, b, c), the
// slots' JSON as one string, the journal lines as one buffer (DiskThread.run, which packs them).
parentPort.on('message', (job) => {
  let error = null;
  try {
    const m = job.meta;
    for (let k = 0; k < m.length; k += ${OP_FIELDS}) {
      const kind = m[k], fd = m[k + 1], pos = m[k + 2] < 0 ? null : m[k + 2];
      if (kind === ${OP_SYNC}) { fs.fdatasyncSync(fd); continue; }
      const buf = kind === ${OP_SLOT} ? slotBytes(job.text.slice(m[k + 4], m[k + 5]), m[k + 3]) : kind === ${OP_ZEROS} ? Buffer.alloc(m[k + 3], 0) : job.data.subarray(m[k + 3], m[k + 4]);
      let off = 0;
      while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off, pos === null ? null : pos + off);
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
    // One buffer for the journal lines, one string for the slots' JSON, the steps as numbers.
    let size = 0;
    for (const op of ops) if ('buf' in op) size += op.buf.length;
    const data = new Uint8Array(size);
    const meta = new Float64Array(ops.length * OP_FIELDS);
    const texts: string[] = [];
    let at = 0;
    let chars = 0;
    ops.forEach((op, i) => {
      const k = i * OP_FIELDS;
      meta[k + 1] = op.fd;
      meta[k + 2] = 'pos' in op && op.pos !== null ? op.pos : -1;
      if ('sync' in op) meta[k] = OP_SYNC;
      else if ('zeros' in op) {
        meta[k] = OP_ZEROS;
        meta[k + 3] = op.zeros;
      } else if ('slot' in op) {
        meta[k] = OP_SLOT;
        meta[k + 3] = op.size;
        meta[k + 4] = chars;
        chars += op.slot.length;
        meta[k + 5] = chars;
        texts.push(op.slot);
      } else {
        meta[k] = OP_BUF;
        data.set(op.buf, at);
        meta[k + 3] = at;
        at += op.buf.length;
        meta[k + 4] = at;
      }
    });
    return new Promise<void>((resolve, reject) => {
      this.job = { id, resolve, reject };
      this.worker.postMessage({ id, meta, text: texts.join(''), data }, [meta.buffer, data.buffer]);
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
