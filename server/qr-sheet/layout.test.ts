import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A4, cardBox, cutLines, DEFAULT_LAYOUT, gridBox, pageCount } from './layout.js';

const MM = 72 / 25.4;

describe('sheet layout', () => {
  it('fits 12 cards of a cuttable size on an A4 page inside the printable margin', () => {
    const first = cardBox(0).box;
    const last = cardBox(11);
    expect(last.page).toBe(0);
    expect(cardBox(12).page).toBe(1);
    expect(first.width / MM).toBeGreaterThan(60);
    expect(first.height / MM).toBeGreaterThan(60);
    expect(first.x).toBeGreaterThanOrEqual(5 * MM);
    expect(last.box.x + last.box.width).toBeLessThanOrEqual(A4.width - 5 * MM);
    expect(last.box.y + last.box.height).toBeLessThanOrEqual(A4.height - 5 * MM);
    expect(first.y).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.margin + DEFAULT_LAYOUT.headerHeight);
  });

  it('never overlaps two cards on a page', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (a, b) => {
        fc.pre(a !== b);
        const [p, q] = [cardBox(a), cardBox(b)];
        fc.pre(p.page === q.page);
        const apart =
          p.box.x + p.box.width <= q.box.x + 1e-6 ||
          q.box.x + q.box.width <= p.box.x + 1e-6 ||
          p.box.y + p.box.height <= q.box.y + 1e-6 ||
          q.box.y + q.box.height <= p.box.y + 1e-6;
        expect(apart).toBe(true);
      }),
    );
  });

  it('puts a cut line along every card edge', () => {
    const lines = cutLines();
    const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
    const vertical = (x: number, y1: number, y2: number) => lines.some(([a, b, c, d]) => close(a, x) && close(c, x) && b <= y1 + 1e-6 && d >= y2 - 1e-6);
    const horizontal = (y: number, x1: number, x2: number) => lines.some(([a, b, c, d]) => close(b, y) && close(d, y) && a <= x1 + 1e-6 && c >= x2 - 1e-6);
    for (let i = 0; i < 12; i += 1) {
      const { x, y, width, height } = cardBox(i).box;
      expect([vertical(x, y, y + height), vertical(x + width, y, y + height)]).toEqual([true, true]);
      expect([horizontal(y, x, x + width), horizontal(y + height, x, x + width)]).toEqual([true, true]);
    }
    expect(lines).toHaveLength(DEFAULT_LAYOUT.cols + 1 + DEFAULT_LAYOUT.rows + 1);
    const g = gridBox();
    expect(vertical(g.x + g.width / 2, g.y, g.y + g.height)).toBe(false);
  });

  it('counts pages, with at least one', () => {
    expect([0, 1, 12, 13, 60, 61].map((n) => pageCount(n))).toEqual([1, 1, 1, 2, 5, 6]);
  });
});
