// Text that must never be clipped on air: it wraps, and if it still does not fit its box it
// shrinks step by step (down to `min` of its size). A 30-character project name or a long
// meeting title stays whole. Only what cannot fit even then (stacked combining marks, very
// wide glyphs) is cut at its lines with an ellipsis, inside its box (B18).
import { useLayoutEffect, useRef, type ElementType } from 'react';
import { Phrases } from './phrases.js';

interface Props {
  text: string;
  /** Font size in stage pixels when it fits. */
  size: number;
  /** The smallest fraction of `size` allowed. */
  min?: number;
  /** Lines allowed before shrinking. */
  lines?: number;
  as?: ElementType;
  className?: string;
  testId?: string;
}

export function FitText({ text, size, min = 0.55, lines = 2, as: Tag = 'span', className, testId }: Props) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let px = size;
    el.style.fontSize = `${px}px`;
    el.classList.remove('is-clipped');
    el.style.setProperty('--fit-lines', String(lines));
    const lineHeight = () => parseFloat(getComputedStyle(el).lineHeight) || px * 1.3;
    // The font's glyphs reach past a 1.3 line box (Noto Sans SC's ascent and descent are 1.45
    // em): that is not an extra line, and must not shrink a one-line name to its minimum.
    const tooTall = () => el.scrollHeight > lineHeight() * lines + px * 0.2;
    // Shrink while it takes more lines than allowed or overflows its width (one long word).
    while (px > size * min && (tooTall() || el.scrollWidth > el.clientWidth + 2)) {
      px = Math.floor(px * 0.94);
      el.style.fontSize = `${px}px`;
    }
    if (tooTall() || el.scrollWidth > el.clientWidth + 2) el.classList.add('is-clipped');
  }, [text, size, min, lines]);
  return (
    <Tag ref={ref} className={`fit-text ${className ?? ''}`} style={{ fontSize: size }} data-testid={testId}>
      <Phrases text={text} />
    </Tag>
  );
}
