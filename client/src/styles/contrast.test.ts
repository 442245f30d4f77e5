// [#14] Contrast of the colour pairs the phone draws text in, and of the console's grey
// 未签到 (was #8a9099 on white, 3.2:1), computed from the CSS files as shipped (WCAG 2 relative
// luminance). The e2e phone spec measures the drawn page; this pins the palette itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname);
const tokens = readFileSync(join(dir, 'tokens.css'), 'utf8');

/** --name: value pairs of the :root block (the first definition wins: the large-text block only resizes). */
const vars = new Map<string, string>();
for (const m of tokens.matchAll(/(--[\w-]+):\s*([^;]+);/g)) if (m[1] && m[2] && !vars.has(m[1])) vars.set(m[1], m[2].trim());

function hex(value: string): [number, number, number] {
  let v = value.trim();
  for (let i = 0; i < 10 && v.startsWith('var('); i += 1) v = vars.get(v.slice(4, -1).trim()) ?? '';
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v);
  if (!m?.[1]) throw new Error(`not a hex colour: ${value} -> ${v}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function ratio(a: string, b: string): number {
  const lum = (c: [number, number, number]) => {
    const [r, g, bl] = c.map((x) => {
      const s = x / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(hex(a)), lum(hex(b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The `color` of a rule's selector in a CSS file of this folder. */
function colorOf(file: string, selector: string): string {
  const css = readFileSync(join(dir, file), 'utf8');
  const at = css.indexOf(`\n${selector} {`);
  if (at < 0) throw new Error(`${selector} not in ${file}`);
  const body = css.slice(at, css.indexOf('}', at));
  const m = /\bcolor:\s*([^;]+);/.exec(body);
  if (!m?.[1]) throw new Error(`${selector} has no color`);
  return m[1];
}

describe('[#14] contrast >= 4.5:1', () => {
  it("the console's grey 未签到 (.muted, components.css since the design system) on white", () => {
    expect(ratio(colorOf('components.css', '.muted'), 'var(--c-surface)')).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ['muted text on the phone page', 'var(--c-text-muted)', 'var(--c-bg)'],
    ['muted text on a card', 'var(--c-text-muted)', 'var(--c-surface)'],
    ['a disabled button', 'var(--c-text-muted)', 'var(--c-line-soft)'],
    ['the paused / cut-off countdown', 'var(--c-warn)', 'var(--c-bg)'],
    ['the connection strip', 'var(--c-banner-text)', 'var(--c-banner-bg)'],
    ['the rehearsal note', 'var(--c-warn)', 'var(--c-warn-soft)'],
    ['已签到', 'var(--c-ok)', 'var(--c-ok-soft)'],
    ['a refusal', 'var(--c-danger)', 'var(--c-danger-soft)'],
    ['the meeting name on red', 'var(--gold-soft)', 'var(--c-accent)'],
    ['白 on 赞成', 'var(--white)', 'var(--for)'],
    ['白 on 反对', 'var(--white)', 'var(--against)'],
    ['白 on 弃权', 'var(--white)', 'var(--abstain)'],
    ['白 on 基本满意', 'var(--white)', 'var(--level-basic)'],
    ['弃权 in words on the page', 'var(--abstain)', 'var(--c-bg)'],
  ])('%s', (_what, fg, bg) => {
    expect(ratio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
