// Merge several small TrueType (glyf) fonts cut from the same family into one font.
// The Noto Sans SC that ships in node_modules (@fontsource) exists only as ~100 slices by
// Unicode range; a phone needs one file holding exactly its characters (a half-loaded set
// of slices after a Wi-Fi drop shows boxes), and harfbuzz subsets one face at a time. So
// each slice is first cut down to the characters it holds (harfbuzz, TrueType out), then
// the pieces are glued here: glyphs appended in order, composite references renumbered,
// one cmap (format 12), one hmtx. The result is only an intermediate: harfbuzz subsets it
// once more to woff2, which rebuilds every table it keeps (cmap 4+12, OS/2 ranges, maxp).

interface Table {
  readonly tag: string;
  readonly data: Buffer;
}

export interface Sfnt {
  readonly tables: ReadonlyMap<string, Buffer>;
}

export function parseSfnt(buf: Buffer): Sfnt {
  const version = buf.readUInt32BE(0);
  if (version !== 0x00010000) throw new Error(`not a TrueType font (version ${version.toString(16)})`);
  const n = buf.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    const tag = buf.toString('latin1', rec, rec + 4);
    const off = buf.readUInt32BE(rec + 8);
    const len = buf.readUInt32BE(rec + 12);
    tables.set(tag, buf.subarray(off, off + len));
  }
  return { tables };
}

function table(f: Sfnt, tag: string): Buffer {
  const t = f.tables.get(tag);
  if (!t) throw new Error(`font has no ${tag} table`);
  return t;
}

/** Code point -> glyph id, from the best Unicode cmap subtable (format 12, else 4). */
export function cmapOf(f: Sfnt): Map<number, number> {
  const cmap = table(f, 'cmap');
  const n = cmap.readUInt16BE(2);
  const subs: { format: number; off: number }[] = [];
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const off = cmap.readUInt32BE(8 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) subs.push({ format: cmap.readUInt16BE(off), off });
  }
  const best = subs.find((s) => s.format === 12) ?? subs.find((s) => s.format === 4);
  const map = new Map<number, number>();
  if (!best) return map;
  const o = best.off;
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.readUInt32BE(o + 16 + g * 12);
      const end = cmap.readUInt32BE(o + 20 + g * 12);
      const gid = cmap.readUInt32BE(o + 24 + g * 12);
      for (let c = start; c <= end; c++) map.set(c, gid + (c - start));
    }
    return map;
  }
  const segX2 = cmap.readUInt16BE(o + 6);
  const ends = o + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeOff = cmap.readUInt16BE(ranges + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let gid: number;
      if (rangeOff === 0) gid = (c + delta) & 0xffff;
      else {
        const raw = cmap.readUInt16BE(ranges + s * 2 + rangeOff + (c - start) * 2);
        gid = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (gid !== 0) map.set(c, gid);
    }
  }
  return map;
}

interface Glyphs {
  readonly data: Buffer[];
  readonly advance: number[];
  readonly lsb: number[];
}

function glyphsOf(f: Sfnt): Glyphs {
  const numGlyphs = table(f, 'maxp').readUInt16BE(4);
  const longLoca = table(f, 'head').readInt16BE(50) === 1;
  const loca = table(f, 'loca');
  const glyf = table(f, 'glyf');
  const hmtx = table(f, 'hmtx');
  const nhm = table(f, 'hhea').readUInt16BE(34);
  const at = (i: number) => (longLoca ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  const out: Glyphs = { data: [], advance: [], lsb: [] };
  for (let g = 0; g < numGlyphs; g++) {
    out.data.push(glyf.subarray(at(g), at(g + 1)));
    const m = Math.min(g, nhm - 1);
    out.advance.push(hmtx.readUInt16BE(m * 4));
    out.lsb.push(g < nhm ? hmtx.readInt16BE(g * 4 + 2) : hmtx.readInt16BE(nhm * 4 + (g - nhm) * 2));
  }
  return out;
}

/** A copy of a composite glyph whose component glyph ids are moved by `shift`. */
function shiftComponents(g: Buffer, shift: number): Buffer {
  if (g.length === 0 || g.readInt16BE(0) >= 0 || shift === 0) return g;
  const c = Buffer.from(g);
  let p = 10;
  for (;;) {
    const flags = c.readUInt16BE(p);
    c.writeUInt16BE(c.readUInt16BE(p + 2) + shift, p + 2);
    p += 4 + (flags & 0x1 ? 4 : 2);
    if (flags & 0x8) p += 2;
    else if (flags & 0x40) p += 4;
    else if (flags & 0x80) p += 8;
    if (!(flags & 0x20)) return c;
  }
}

function pad4(b: Buffer): Buffer {
  return b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);
}

function cmap12(map: ReadonlyMap<number, number>): Buffer {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const groups: [number, number, number][] = [];
  for (const cp of cps) {
    const gid = map.get(cp) ?? 0;
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const sub = Buffer.alloc(16 + groups.length * 12);
  sub.writeUInt16BE(12, 0);
  sub.writeUInt32BE(sub.length, 4);
  sub.writeUInt32BE(groups.length, 12);
  groups.forEach(([s, e, g], i) => {
    sub.writeUInt32BE(s, 16 + i * 12);
    sub.writeUInt32BE(e, 20 + i * 12);
    sub.writeUInt32BE(g, 24 + i * 12);
  });
  const head = Buffer.alloc(12);
  head.writeUInt16BE(1, 2); // one subtable: Windows, full Unicode
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(10, 6);
  head.writeUInt32BE(12, 8);
  return Buffer.concat([head, sub]);
}

function checksum(b: Buffer): number {
  const p = pad4(b);
  let sum = 0;
  for (let i = 0; i < p.length; i += 4) sum = (sum + p.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeSfnt(tables: Table[]): Buffer {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = sorted.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(n * 16 - pow * 16, 10);
  let off = header.length;
  const bodies: Buffer[] = [];
  sorted.forEach((t, i) => {
    const rec = 12 + i * 16;
    header.write(t.tag, rec, 'latin1');
    header.writeUInt32BE(checksum(t.data), rec + 4);
    header.writeUInt32BE(off, rec + 8);
    header.writeUInt32BE(t.data.length, rec + 12);
    const body = pad4(t.data);
    bodies.push(body);
    off += body.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** One TrueType font holding every glyph of `fonts` (same family and units per em). */
export function mergeSfnts(fonts: readonly Buffer[]): Buffer {
  const parsed = fonts.map(parseSfnt);
  const first = parsed[0];
  if (!first) throw new Error('nothing to merge');
  const data: Buffer[] = [];
  const advance: number[] = [];
  const lsb: number[] = [];
  const cmap = new Map<number, number>();
  parsed.forEach((f, i) => {
    const g = glyphsOf(f);
    // Glyph 0 (.notdef) comes from the first font only; the others' glyphs follow in order.
    const from = i === 0 ? 0 : 1;
    const shift = data.length - from;
    for (let k = from; k < g.data.length; k++) {
      data.push(shiftComponents(g.data[k] ?? Buffer.alloc(0), shift));
      advance.push(g.advance[k] ?? 0);
      lsb.push(g.lsb[k] ?? 0);
    }
    for (const [cp, gid] of cmapOf(f)) if (gid >= from && !cmap.has(cp)) cmap.set(cp, gid + shift);
  });
  const glyf = Buffer.concat(data.map(pad4));
  const loca = Buffer.alloc((data.length + 1) * 4);
  let off = 0;
  data.forEach((d, i) => {
    loca.writeUInt32BE(off, i * 4);
    off += pad4(d).length;
  });
  loca.writeUInt32BE(off, data.length * 4);
  const hmtx = Buffer.alloc(data.length * 4);
  advance.forEach((a, i) => {
    hmtx.writeUInt16BE(a, i * 4);
    hmtx.writeInt16BE(lsb[i] ?? 0, i * 4 + 2);
  });
  const head = Buffer.from(table(first, 'head'));
  head.writeUInt32BE(0, 8); // checkSumAdjustment: harfbuzz's pass writes the final font
  head.writeInt16BE(1, 50); // long loca
  const hhea = Buffer.from(table(first, 'hhea'));
  hhea.writeUInt16BE(data.length, 34);
  hhea.writeUInt16BE(Math.max(...advance), 10);
  const maxp = Buffer.from(table(first, 'maxp'));
  maxp.writeUInt16BE(data.length, 4);
  if (maxp.length >= 32) {
    // maxPoints ... maxComponentDepth: the largest of any piece's.
    for (let o = 6; o < 32; o += 2) maxp.writeUInt16BE(Math.max(...parsed.map((f) => table(f, 'maxp').readUInt16BE(o))), o);
  }
  const post = Buffer.from(table(first, 'post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0); // no glyph names
  const tables: Table[] = [
    { tag: 'head', data: head },
    { tag: 'hhea', data: hhea },
    { tag: 'maxp', data: maxp },
    { tag: 'hmtx', data: hmtx },
    { tag: 'loca', data: loca },
    { tag: 'glyf', data: glyf },
    { tag: 'cmap', data: cmap12(cmap) },
    { tag: 'post', data: post },
  ];
  for (const tag of ['OS/2', 'name', 'gasp', 'prep']) {
    const t = first.tables.get(tag);
    if (t) tables.push({ tag, data: t });
  }
  return writeSfnt(tables);
}
