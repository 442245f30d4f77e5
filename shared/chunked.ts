// A persistent array: changing or appending one slot copies one chunk of 64 and the short
// outer array, not the whole thing. Round.submissions has one slot per deputy (3,000 in a
// large chamber) and changes on every vote; a flat copy per vote was most of the server's
// allocation under load (docs/PERFORMANCE.md). MeetingState.present likewise, per check-in.
const CHUNK = 64;

export interface Chunked<T> {
  readonly length: number;
  readonly chunks: readonly (readonly T[])[];
}

export function chunkedFilled<T>(length: number, value: T): Chunked<T> {
  const chunks: T[][] = [];
  for (let start = 0; start < length; start += CHUNK) chunks.push(new Array<T>(Math.min(CHUNK, length - start)).fill(value));
  return { length, chunks };
}

/** The same values, chunked. */
export function chunkedFrom<T>(xs: readonly T[]): Chunked<T> {
  const chunks: T[][] = [];
  for (let start = 0; start < xs.length; start += CHUNK) chunks.push(xs.slice(start, start + CHUNK));
  return { length: xs.length, chunks };
}

/** The value at i, or undefined outside 0..length-1. */
export function chunkedGet<T>(c: Chunked<T>, i: number): T | undefined {
  if (!Number.isInteger(i) || i < 0 || i >= c.length) return undefined;
  return c.chunks[Math.floor(i / CHUNK)]?.[i % CHUNK];
}

/** A new Chunked with slot i set to v; c is unchanged. Out of range: c itself. */
export function chunkedSet<T>(c: Chunked<T>, i: number, v: T): Chunked<T> {
  if (!Number.isInteger(i) || i < 0 || i >= c.length) return c;
  const k = Math.floor(i / CHUNK);
  const chunk = (c.chunks[k] ?? []).slice();
  chunk[i % CHUNK] = v;
  const chunks = c.chunks.slice();
  chunks[k] = chunk;
  return { length: c.length, chunks };
}

/** An empty Chunked, to grow with chunkedPush. */
export function chunkedEmpty<T>(): Chunked<T> {
  return { length: 0, chunks: [] };
}

/** A new Chunked with v appended; c is unchanged. Copies the last chunk (at most 64) and the outer array. */
export function chunkedPush<T>(c: Chunked<T>, v: T): Chunked<T> {
  const k = Math.floor(c.length / CHUNK);
  const chunks = c.chunks.slice();
  chunks[k] = [...(c.chunks[k] ?? []), v];
  return { length: c.length + 1, chunks };
}

// A Chunked never changes, so its flat form is computed once (screens read it every frame).
const flat = new WeakMap<Chunked<unknown>, readonly unknown[]>();

/** The values in order, as one array (shared between callers: do not mutate it). */
export function chunkedToArray<T>(c: Chunked<T>): readonly T[] {
  let out = flat.get(c) as readonly T[] | undefined;
  if (!out) {
    const all = new Array<T>(c.length); // a plain loop: Array.prototype.flat is several times slower
    let i = 0;
    for (const chunk of c.chunks) for (const v of chunk) all[i++] = v;
    out = all;
    flat.set(c, out);
  }
  return out;
}
