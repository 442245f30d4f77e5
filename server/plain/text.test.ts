// The plain page's words and font: both languages carry every key; the language is picked as
// documented; the font faces are lifted from whatever CSS the build emitted.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zh from '../../client/src/i18n/zh-CN/plain.json' with { type: 'json' };
import en from '../../client/src/i18n/en/plain.json' with { type: 'json' };
import { facesFor, fontFacesOf } from './fonts.js';
import { pickLang, translator } from './text.js';

describe('plain page text', () => {
  it('[L4] zh-CN and en hold the same keys, and every key the page uses resolves', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = translator(lang);
      for (const k of ['deputy:checkInHint', 'deputy:receipt', 'common:choice.for', 'votes:level.four.fairlySatisfied', 'common:errors.ROUND_CLOSED', 'openLeft']) expect(t(k)).not.toBe(k);
    }
    expect(translator('zh-CN')('selectLegend', { n: 10 })).toBe('请勾选您赞成的项目，最多 10 项');
  });

  it('[L4] ?lang wins, then Accept-Language, then zh-CN', () => {
    expect(pickLang('en', 'zh-CN')).toEqual({ lang: 'en', explicit: true });
    expect(pickLang(undefined, 'en-US,en;q=0.9,zh;q=0.5')).toEqual({ lang: 'en', explicit: false });
    expect(pickLang(undefined, 'zh-TW,zh;q=0.9,en;q=0.5')).toEqual({ lang: 'zh-CN', explicit: false });
    expect(pickLang(['en'], 'fr-FR')).toEqual({ lang: 'zh-CN', explicit: false });
  });
});

describe('plain page font', () => {
  it('[L7] lifts every Noto Sans SC face from the built CSS files, and nothing else; inlined pieces become files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wz-plain-font-'));
    try {
      expect((await fontFacesOf(null)).css).toBe('');
      expect((await fontFacesOf(dir)).css).toBe(''); // no build
      await mkdir(join(dir, 'assets'));
      const face = (w: number, src: string) => `@font-face{font-family:Noto Sans SC;font-weight:${w};src:${src}format("woff2");unicode-range:U+4E00-4E10}`;
      const bytes = Buffer.from('wOF2 a small piece');
      const inline = `url(data:font/woff2;base64,${bytes.toString('base64')})`;
      await writeFile(join(dir, 'assets', 'index-1.css'), `body{margin:0}${face(400, 'url(/assets/a.woff2)')}@font-face{font-family:Other;src:url(/x.woff2)}${face(700, inline)}`);
      await writeFile(join(dir, 'assets', 'screen-2.css'), face(400, 'url(/assets/a.woff2)')); // the same face again: once
      const fonts = await fontFacesOf(dir);
      const [name, piece] = [...fonts.files][0] ?? ['', Buffer.alloc(0)];
      expect(name).toMatch(/^[0-9a-f]{16}\.woff2$/);
      expect(piece.equals(bytes)).toBe(true);
      expect(fonts.css.split('\n')).toEqual([face(400, 'url(/assets/a.woff2)'), face(700, `url(/plain-fonts/${name})`)]);
      // A page links only the faces that hold its characters: 一 (U+4E00) is in both, 中 (U+4E2D) and ASCII in neither.
      expect(facesFor(fonts, '<p>一</p>')).toEqual([0, 1]);
      expect(facesFor(fonts, '<p>中 abc</p>')).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
