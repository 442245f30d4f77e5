// In-page checks for what the camera shows (run with page.evaluate): text inside the title-safe
// area, no word of a message split over two lines, and names that stay inside their box.
import type { Page } from '@playwright/test';

/** EBU R 95 / SMPTE ST 2046-1: title-safe is the central 90% of the frame, action-safe 93%. */
export const TITLE_SAFE = 0.9;

/** Every character of the stage's text outside the central 90% of the stage (in stage pixels); `root`: the overlay's `.overlay`. */
export async function outsideTitleSafe(page: Page, root = '.stage'): Promise<string[]> {
  return page.evaluate(([safe, sel]) => {
    const stage = document.querySelector(sel);
    if (!stage) return ['no stage'];
    const s = stage.getBoundingClientRect();
    const w = stage instanceof HTMLElement ? stage.offsetWidth : 1920;
    const h = stage instanceof HTMLElement ? stage.offsetHeight : 1080;
    const k = s.width / w;
    const mx = (w * (1 - safe)) / 2;
    const my = (h * (1 - safe)) / 2;
    const out: string[] = [];
    const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // The ghost of the outgoing scene, the operator's corner marks: not the programme.
      if (!el || el.closest('.scene-ghosts, .screen__rehearsal, .screen__offline')) continue;
      const text = node.textContent ?? '';
      if (!text.trim()) continue;
      // What is drawn: the text's boxes cut by every ancestor that clips (an ellipsis name).
      let clip = { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity };
      for (let a: Element | null = el; a && a !== stage; a = a.parentElement) {
        const st = getComputedStyle(a);
        if (st.overflowX === 'visible' && st.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        clip = { l: Math.max(clip.l, c.left), t: Math.max(clip.t, c.top), r: Math.min(clip.r, c.right), b: Math.min(clip.b, c.bottom) };
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        const x0 = (Math.max(r.left, clip.l) - s.left) / k;
        const x1 = (Math.min(r.right, clip.r) - s.left) / k;
        const y0 = (Math.max(r.top, clip.t) - s.top) / k;
        const y1 = (Math.min(r.bottom, clip.b) - s.top) / k;
        if (x1 <= x0 || y1 <= y0) continue;
        if (x0 < mx - 1 || x1 > w - mx + 1 || y0 < my - 1 || y1 > h - my + 1) {
          out.push(`«${text.trim().slice(0, 24)}» at ${Math.round(x0)},${Math.round(y0)}–${Math.round(x1)},${Math.round(y1)}`);
          break;
        }
      }
    }
    return out;
  }, [TITLE_SAFE, root] as const);
}

/** Words (Intl.Segmenter, zh) of the elements matched whose characters land on two lines. */
export async function splitWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    for (const root of document.querySelectorAll(sel)) {
      // Character boxes in document order, with their text.
      const chars: { ch: string; top: number }[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = [...range.getClientRects()].find((x) => x.width > 0);
          if (r) chars.push({ ch: text[i] ?? '', top: r.top });
        }
      }
      const text = chars.map((c) => c.ch).join('');
      for (const w of seg.segment(text)) {
        if (!w.isWordLike || w.segment.length < 2) continue;
        const tops = chars.slice(w.index, w.index + w.segment.length).map((c) => c.top);
        if (Math.max(...tops) - Math.min(...tops) > 4) out.push(w.segment);
      }
    }
    return out;
  }, selector);
}

/**
 * Elements matched whose drawn text reaches outside their cell (the nearest td/th/li or the
 * parent): the text's box, clipped by every ancestor up to the cell that clips, must lie inside.
 */
export async function spillingNames(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.closest('.scene-ghosts')) continue;
      const cell = el.closest('td, th, li') ?? el.parentElement;
      if (!cell || !(el.textContent ?? '').trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      let r = range.getBoundingClientRect();
      let box = { l: r.left, t: r.top, r: r.right, b: r.bottom };
      for (let a: Element | null = el; a && a !== cell.parentElement; a = a.parentElement) {
        const st = getComputedStyle(a);
        if (st.overflowX !== 'visible' || st.overflowY !== 'visible') {
          r = a.getBoundingClientRect();
          box = { l: Math.max(box.l, r.left), t: Math.max(box.t, r.top), r: Math.min(box.r, r.right), b: Math.min(box.b, r.bottom) };
        }
      }
      const c = cell.getBoundingClientRect();
      // Glyphs of a large font reach a little past their line box: allow a fifth of an em up and down.
      const slack = parseFloat(getComputedStyle(el).fontSize) * 0.2;
      if (box.l < c.left - 1 || box.r > c.right + 1 || box.t < c.top - slack || box.b > c.bottom + slack) {
        out.push(`${el.textContent ?? ''}: ${Math.round(box.l)},${Math.round(box.t)}–${Math.round(box.r)},${Math.round(box.b)} outside ${Math.round(c.left)},${Math.round(c.top)}–${Math.round(c.right)},${Math.round(c.bottom)}`);
      }
    }
    return out;
  }, selector);
}
