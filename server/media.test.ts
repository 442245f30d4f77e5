import { describe, expect, it } from 'vitest';
import { sniff } from './media.js';

const bytes = (...xs: (number | string)[]) => Buffer.concat(xs.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from([x]))));

describe('evidence media types by their first bytes', () => {
  it('[G10] PNG, JPEG, WebP, MP4 and WebM are known, by content only', () => {
    expect(sniff(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toEqual({ mime: 'image/png', type: 'image' });
    expect(sniff(bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ mime: 'image/jpeg', type: 'image' });
    expect(sniff(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toEqual({ mime: 'image/webp', type: 'image' });
    expect(sniff(bytes(0, 0, 0, 0x20, 'ftypmp42'))).toEqual({ mime: 'video/mp4', type: 'video' });
    expect(sniff(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f))).toEqual({ mime: 'video/webm', type: 'video' });
  });

  it('[G10] anything else is refused: HTML, SVG, a WAV in a RIFF box, a truncated header', () => {
    expect(sniff(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniff(bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt '))).toBeNull();
    expect(sniff(bytes(0x89, 'PN'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });
});
