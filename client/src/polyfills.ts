// The few library functions newer than the oldest phones we run on (README, "Browsers": iOS 13
// Safari, Chrome 64) that the phone's bundle calls, zod's included. The bundler lowers syntax
// but adds no library code; without these iOS 13 stops at zod's first line (BigInt) and the
// page stays blank. Kept in zod's chunk and imported by zod-jitless.ts first, so they are in
// place before zod's module body runs. scripts/check-es.ts names exactly these as provided.
/* eslint-disable @typescript-eslint/no-explicit-any -- filling in standard library members */
const g: any = typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : window;

if (typeof g.globalThis === 'undefined') g.globalThis = g;

// zod only builds its int64 bounds with BigInt at load; the phone never parses a bigint, so a
// stand-in that gives a Number lets the bundle load on iOS 13 (BigInt came with iOS 14).
if (typeof g.BigInt === 'undefined') g.BigInt = (v: unknown) => Number(v);

if (!Array.prototype.flat) {
  Object.defineProperty(Array.prototype, 'flat', {
    configurable: true,
    writable: true,
    value: function flat(this: unknown[], depth = 1): unknown[] {
      return depth < 1 ? this.slice() : this.reduce<unknown[]>((acc, x) => acc.concat(Array.isArray(x) ? (x as any).flat(depth - 1) : [x]), []);
    },
  });
}

if (!Array.prototype.flatMap) {
  Object.defineProperty(Array.prototype, 'flatMap', {
    configurable: true,
    writable: true,
    value: function flatMap(this: unknown[], fn: (x: unknown, i: number, a: unknown[]) => unknown, thisArg?: unknown): unknown[] {
      return this.reduce<unknown[]>((acc, x, i, a) => acc.concat(fn.call(thisArg, x, i, a) as unknown[]), []);
    },
  });
}

if (!Object.fromEntries) {
  Object.defineProperty(Object, 'fromEntries', {
    configurable: true,
    writable: true,
    value: (entries: Iterable<readonly [PropertyKey, unknown]>) => {
      const o: Record<PropertyKey, unknown> = {};
      for (const [k, v] of entries) o[k] = v;
      return o;
    },
  });
}

if (!Promise.allSettled) {
  Object.defineProperty(Promise, 'allSettled', {
    configurable: true,
    writable: true,
    value: (ps: Iterable<unknown>) =>
      Promise.all(
        Array.from(ps, (p) =>
          Promise.resolve(p).then(
            (value) => ({ status: 'fulfilled', value }),
            (reason: unknown) => ({ status: 'rejected', reason }),
          ),
        ),
      ),
  });
}

/** The features above, in es-check's names (scripts/check-es.ts). */
export const POLYFILLED = ['globalThis', 'BigInt', 'ArrayFlat', 'ArrayFlatMap', 'ObjectFromEntries', 'PromiseAllSettled'] as const;
