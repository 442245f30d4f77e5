// Chinese line breaking for the printed documents (N5, 禁则): no line starts with closing
// punctuation and none ends with opening punctuation. Text is cut into units that must stay
// on one line — a CJK character with the closing marks after it and the opening marks before
// it, or a run of Latin letters and digits — and units are filled greedily. Pure: the caller
// measures (pdfkit's font metrics on the server, the DOM for tests).

/** Never at the start of a line. */
export const CLOSING = '、，。．,.：:；;！!？?）)］]｝}」』】》〉”’…‥%％·・〕゜ー～';
/** Never at the end of a line. */
export const OPENING = '（(［[｛{「『【《〈“‘〔';

const isLatin = (ch: string) => /[A-Za-z0-9\-_/@#&+=.]/.test(ch) && !CLOSING.includes(ch);

/** The unbreakable units of a text, in order; spaces are their own units. */
export function breakUnits(text: string): string[] {
  const chars = [...text];
  const units: string[] = [];
  let pendingOpen = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (OPENING.includes(ch)) {
      pendingOpen += ch;
      continue;
    }
    if (CLOSING.includes(ch) && pendingOpen === '' && units.length > 0 && units[units.length - 1] !== ' ') {
      units[units.length - 1] += ch;
      continue;
    }
    if (ch === ' ') {
      if (pendingOpen) units.push(pendingOpen);
      pendingOpen = '';
      units.push(' ');
      continue;
    }
    let unit = pendingOpen + ch;
    pendingOpen = '';
    if (isLatin(ch)) while (i + 1 < chars.length && isLatin(chars[i + 1] ?? '')) unit += chars[++i];
    units.push(unit);
  }
  if (pendingOpen) units.push(pendingOpen);
  return units;
}

/**
 * Lines of at most maxWidth (the first at most firstWidth, for an indent); a unit wider than
 * its line is cut by character, as a last resort.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, firstWidth = maxWidth): string[] {
  const lines: string[] = [];
  let line = '';
  const limit = () => (lines.length === 0 ? firstWidth : maxWidth);
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const unit of breakUnits(text)) {
    if (unit === ' ' && line === '') continue;
    if (measure(line + unit) <= limit()) {
      line += unit;
      continue;
    }
    if (line !== '') push();
    if (unit === ' ') continue;
    if (measure(unit) <= limit()) {
      line = unit;
      continue;
    }
    for (const ch of unit) {
      if (line !== '' && measure(line + ch) > limit()) push();
      line += ch;
    }
  }
  if (line !== '' || lines.length === 0) push();
  return lines;
}

/** Does any line (after the first) start with closing punctuation? The check the tests make. */
export function badLineStarts(lines: readonly string[]): string[] {
  return lines.slice(1).filter((l) => l.length > 0 && CLOSING.includes(l[0] ?? ''));
}
