// The phone's per-meeting font over HTTP (phone-font.ts builds it):
//   /fonts/phone/<hash>.woff2  the font          (immutable: the hash names its characters)
//   /fonts/phone/<hash>.css    its @font-face    (immutable; linked by the deputy's HTML)
//   /fonts/phone/<hash>.txt    its characters    (immutable; what tests and tools check against)
// The deputy page's HTML (client-files.ts) links the CSS, which loads beside the script; the
// font follows as soon as text is laid out (headLinks says why it is not preloaded). The face is named 'Noto Sans SC', the first name in
// base.css's font stack, and is the only face of that name on the phone (the full font's CSS
// is loaded by the other pages only); bold is synthesised from this one regular face.
import { Router } from 'express';
import type { MeetingState } from '../../shared/state.js';
import { charSetOf, PhoneFonts, stringsIn } from './phone-font.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The texts of a meeting a phone can show: its title, the roster, the agenda (items, subjects, options). */
export function meetingTexts(s: MeetingState): string[] {
  return stringsIn([s.info, s.roster, s.agenda]);
}

export function cssOf(hash: string): string {
  return `@font-face{font-family:'Noto Sans SC';font-style:normal;font-weight:400;font-display:swap;src:url(/fonts/phone/${hash}.woff2) format('woff2')}\n`;
}

export class PhoneFontService {
  private readonly fonts = new PhoneFonts();
  readonly router = Router();

  /** uiText: the phone UI's characters (phone-text.txt of the built client). */
  constructor(private readonly uiText: string) {
    this.router.get('/fonts/phone/:file', async (req, res, next) => {
      const m = /^([A-Za-z0-9_-]{16})\.(woff2|css|txt)$/.exec(req.params.file);
      const f = m?.[1] ? this.fonts.get(m[1]) : undefined;
      if (!m?.[1] || !f) return void res.status(404).json({ ok: false, error: 'NOT_FOUND' });
      res.setHeader('Cache-Control', IMMUTABLE);
      if (m[2] === 'css') return void res.type('text/css; charset=utf-8').send(cssOf(m[1]));
      if (m[2] === 'txt') return void res.type('text/plain; charset=utf-8').send(f.chars);
      try {
        res.type('font/woff2').send(await f.font);
      } catch (e) {
        next(e);
      }
    });
  }

  /** The font's hash for a meeting's phones (or the UI alone), its build started if new. */
  hashFor(meeting: MeetingState | undefined): string {
    return this.fonts.want(charSetOf([this.uiText, ...(meeting ? meetingTexts(meeting) : [])]));
  }

  /**
   * What the deputy's HTML gets: the face's stylesheet (tiny, beside the script), not a preload
   * of the font. Measured on slow 3G (docs/PERFORMANCE.md): a preload, even at low priority,
   * shares the 400 kbit/s with the script and holds the check-in button back by ~1.7 s (6.7 s
   * against 5.0 s); without it the font is fetched as soon as the first text is laid out, and
   * until it is in (font-display: swap) the phone shows its own CJK font, which every phone has.
   */
  headLinks(hash: string): string {
    return `<link rel="stylesheet" href="/fonts/phone/${hash}.css">`;
  }
}
