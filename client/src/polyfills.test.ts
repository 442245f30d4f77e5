// The library members the oldest supported phones lack (iOS 13, Chrome 64), filled in by
// polyfills.ts: run in a fresh JavaScript realm from which they were removed first.
import { transformSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const code = transformSync(readFileSync(join(import.meta.dirname, 'polyfills.ts'), 'utf8'), { loader: 'ts', format: 'cjs', target: 'es2017' }).code;

function oldPhone(): Record<string, unknown> {
  const ctx = createContext({ exports: {}, module: { exports: {} } });
  runInContext('delete Array.prototype.flat; delete Array.prototype.flatMap; delete Object.fromEntries; delete Promise.allSettled; delete globalThis.BigInt;', ctx);
  expect(runInContext('typeof [].flat + typeof [].flatMap + typeof Object.fromEntries + typeof Promise.allSettled + typeof BigInt', ctx)).toBe('undefinedundefinedundefinedundefinedundefined');
  runInContext(code, ctx);
  return ctx;
}

describe('[#14] polyfills for iOS 13 and Chrome 64', () => {
  it('flat, flatMap, Object.fromEntries behave as the standard ones', () => {
    const ctx = oldPhone();
    expect(JSON.stringify(runInContext('[1, [2, [3, [4]]]].flat()', ctx))).toBe('[1,2,[3,[4]]]');
    expect(JSON.stringify(runInContext('[1, [2, [3, [4]]]].flat(Infinity)', ctx))).toBe('[1,2,3,4]');
    expect(JSON.stringify(runInContext('[1, 2].flatMap((x, i) => [x, i])', ctx))).toBe('[1,0,2,1]');
    expect(JSON.stringify(runInContext("Object.fromEntries([['a', 1], ['b', 2]])", ctx))).toBe('{"a":1,"b":2}');
    expect(runInContext("Object.keys(Array.prototype).join()", ctx)).toBe(''); // not enumerable: for-in loops see nothing new
  });

  it('Promise.allSettled reports each outcome; BigInt exists for zod to load', async () => {
    const ctx = oldPhone();
    const settled = await (runInContext("Promise.allSettled([Promise.resolve(1), Promise.reject('no'), 3])", ctx) as Promise<unknown>);
    expect(JSON.stringify(settled)).toBe('[{"status":"fulfilled","value":1},{"status":"rejected","reason":"no"},{"status":"fulfilled","value":3}]');
    expect(runInContext("BigInt('-9223372036854775808') < 0", ctx)).toBe(true);
  });
});
