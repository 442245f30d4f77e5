// Geometry of the printable sheet, in PDF points (1/72 inch). Pure numbers, so the grid can be
// checked without drawing: A4 portrait, a header band with the meeting title, and a grid of
// equal cards whose edges are the cut lines.

/** A4 portrait in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface SheetLayout {
  readonly cols: number;
  readonly rows: number;
  /** Page margin on every side; office printers cannot print the outer ~5 mm. */
  readonly margin: number;
  /** Height of the band above the grid that holds the meeting title and page number. */
  readonly headerHeight: number;
}

/** 3 x 4 cards of about 63 x 66 mm: a comfortable size to cut with scissors and hand out. */
export const DEFAULT_LAYOUT: SheetLayout = { cols: 3, rows: 4, margin: 28, headerHeight: 36 };

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function perPage(layout: SheetLayout): number {
  return layout.cols * layout.rows;
}

/** Pages needed for `count` cards; at least one, so an empty roster still prints its title. */
export function pageCount(count: number, layout: SheetLayout = DEFAULT_LAYOUT): number {
  return Math.max(1, Math.ceil(count / perPage(layout)));
}

/** The area the cards share on every page. */
export function gridBox(layout: SheetLayout = DEFAULT_LAYOUT): Box {
  const top = layout.margin + layout.headerHeight;
  return {
    x: layout.margin,
    y: top,
    width: A4.width - 2 * layout.margin,
    height: A4.height - top - layout.margin,
  };
}

/** Page (0-based) and box of the card at `index`, filling rows left to right, top to bottom. */
export function cardBox(index: number, layout: SheetLayout = DEFAULT_LAYOUT): { page: number; box: Box } {
  const grid = gridBox(layout);
  const width = grid.width / layout.cols;
  const height = grid.height / layout.rows;
  const slot = index % perPage(layout);
  const col = slot % layout.cols;
  const row = Math.floor(slot / layout.cols);
  return {
    page: Math.floor(index / perPage(layout)),
    box: { x: grid.x + col * width, y: grid.y + row * height, width, height },
  };
}

/** Cut lines: every inner and outer edge of the grid, as segments [x1, y1, x2, y2]. */
export function cutLines(layout: SheetLayout = DEFAULT_LAYOUT): [number, number, number, number][] {
  const g = gridBox(layout);
  const lines: [number, number, number, number][] = [];
  for (let c = 0; c <= layout.cols; c += 1) {
    const x = g.x + (c * g.width) / layout.cols;
    lines.push([x, g.y, x, g.y + g.height]);
  }
  for (let r = 0; r <= layout.rows; r += 1) {
    const y = g.y + (r * g.height) / layout.rows;
    lines.push([g.x, y, g.x + g.width, y]);
  }
  return lines;
}
