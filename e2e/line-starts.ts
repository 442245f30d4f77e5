// Chinese line breaking as a reader sees it (N5): walk the text nodes under a selector, find
// where each character lands with Range.getClientRects, and report every line (inside one
// block) that starts with closing punctuation. Runs in the page.
import type { Page } from '@playwright/test';

export async function closingAtLineStart(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const CLOSING = '、，。．,.：:；;！!？?）)］]｝}」』】》〉”’…‥%％·・〕';
    const out: string[] = [];
    const blockOf = (n: Node): Element | null => {
      let e = n.parentElement;
      while (e && getComputedStyle(e).display.startsWith('inline')) e = e.parentElement;
      return e;
    };
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let prev: { block: Element | null; top: number; bottom: number } | null = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const block = blockOf(node);
        if (prev && prev.block !== block) prev = null;
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (!rect) continue;
          const ch = text[i] ?? '';
          // A new line: this character sits below the previous one of the same block.
          if (prev && rect.top >= prev.bottom - 1 && CLOSING.includes(ch)) {
            out.push(`${ch} after «${text.slice(Math.max(0, i - 8), i)}»`);
          }
          prev = { block, top: rect.top, bottom: rect.top + rect.height / 2 };
        }
      }
    }
    return out;
  }, selector);
}
