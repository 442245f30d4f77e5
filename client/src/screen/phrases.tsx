// Chinese line breaking on the stage (B18): words (Intl.Segmenter) are kept whole, so 不要 or
// 代表 is never split over two lines, and punctuation sticks to its word: closing marks
// (，。、）」… ) to the word before, so no line starts with one; opening marks (（「“《) to
// the word after, so no line ends with one. The browser then breaks only between phrases.
import { Fragment } from 'react';

const CLOSING = new Set([...'、，。．,.：:；;！!？?）)］]｝}」』】》〉”’…‥%％·・〕—']);
const OPENING = new Set([...'（(［[｛{「『【《〈“‘〔']);
/** A longer run (a Latin name, a URL) may still break inside, rather than overflow its box. */
const KEEP_MAX = 10;

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/** The text cut into phrases that must not break inside; their concatenation is the text. */
export function phrasesOf(text: string): string[] {
  if (!segmenter) return [text];
  const out: string[] = [];
  let pendingOpen = '';
  for (const { segment } of segmenter.segment(text)) {
    const chars = [...segment];
    if (chars.every((c) => CLOSING.has(c)) && out.length > 0 && !pendingOpen) {
      out[out.length - 1] += segment;
    } else if (chars.every((c) => OPENING.has(c))) {
      pendingOpen += segment;
    } else if (/^\s+$/.test(segment)) {
      if (pendingOpen) out.push(pendingOpen);
      pendingOpen = '';
      out.push(segment);
    } else {
      out.push(pendingOpen + segment);
      pendingOpen = '';
    }
  }
  if (pendingOpen) out.push(pendingOpen);
  return out;
}

/** The text as phrases: each short phrase in a span that does not break inside. */
export function Phrases({ text }: { text: string }) {
  return (
    <>
      {phrasesOf(text).map((p, i) =>
        p.length > 1 && [...p].length <= KEEP_MAX && !/\s/.test(p) ? (
          <span key={i} className="phrase">
            {p}
          </span>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
