// Measures what a deputy's thumb and eyes meet on the phone page as it is drawn: the size of
// every control (WCAG 2.5.5-style target size, our floor is --tap-min, 56 px) and the contrast
// of every piece of text against the colour actually behind it (WCAG 1.4.3 relative luminance).
// Runs inside the page (page.evaluate), so it must not close over anything from node.
import type { Page } from '@playwright/test';

export interface Finding {
  what: string;
  value: number;
}

export interface Measure {
  /** Controls smaller than the floor in either direction. */
  small: Finding[];
  /** Text whose contrast against its background is below the floor. */
  faint: Finding[];
  /** How many controls and text runs were looked at (a measure of nothing proves nothing). */
  controls: number;
  texts: number;
}

export async function measurePhone(page: Page, tapMin = 56, minContrast = 4.5): Promise<Measure> {
  return page.evaluate(
    ([tap, ratio]) => {
      type Rgba = [number, number, number, number];
      const parse = (c: string): Rgba | null => {
        const m = /rgba?\(([^)]+)\)/.exec(c);
        if (!m?.[1]) return null;
        const p = m[1].split(/[,\s/]+/).filter(Boolean).map(Number);
        return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
      };
      const lum = ([r, g, b]: Rgba) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const over = (top: Rgba, under: Rgba): Rgba => {
        const a = top[3];
        return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
      };
      // The colour behind an element: its own and its ancestors' backgrounds, blended from the page up.
      const behind = (el: Element): Rgba => {
        const layers: Rgba[] = [];
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c && c[3] > 0) {
            layers.push(c);
            if (c[3] >= 1) break;
          }
        }
        return layers.reduceRight<Rgba>((acc, c) => over(c, acc), [255, 255, 255, 1]);
      };
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
      };
      const name = (el: Element) => `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.className}] "${(el.textContent ?? '').trim().slice(0, 24)}"`;

      const small: { what: string; value: number }[] = [];
      let controls = 0;
      // A checkbox inside a label is tapped through its label: the label is the target.
      const targets = new Set<Element>();
      for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="radio"], [role="switch"]')) {
        targets.add(el.tagName === 'INPUT' ? (el.closest('label') ?? el) : el);
      }
      for (const el of targets) {
        if (!visible(el)) continue;
        controls += 1;
        const r = el.getBoundingClientRect();
        const least = Math.min(r.width, r.height);
        if (least + 0.5 < tap) small.push({ what: name(el), value: Math.round(least) });
      }

      const faint: { what: string; value: number }[] = [];
      let texts = 0;
      for (const el of document.querySelectorAll('body *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (!own || !visible(el) || el.closest('[aria-hidden="true"]')) continue;
        // WCAG 1.4.3 exempts inactive controls; they are still drawn readable, but not measured.
        if (el.closest('button:disabled, input:disabled, .is-disabled')) continue;
        const fg = parse(getComputedStyle(el).color);
        if (!fg) continue;
        texts += 1;
        const bg = behind(el);
        const a = lum(over(fg, bg));
        const b = lum(bg);
        const c = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (c + 0.005 < ratio) faint.push({ what: name(el), value: Math.round(c * 100) / 100 });
      }
      return { small, faint, controls, texts };
    },
    [tapMin, minContrast] as const,
  );
}
