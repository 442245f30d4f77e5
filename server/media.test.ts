import { describe, expect, it } from 'vitest';
import { sniff, sniffType } from './media.js';

type Part = number | number[] | string | Buffer;
const bytes = (...xs: Part[]) => Buffer.concat(xs.map((x) => (Buffer.isBuffer(x) ? x : typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from(Array.isArray(x) ? x : [x]))));
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const box = (type: string, body: Buffer) => bytes(u32(8 + body.length), type, body);
/** An ISO media file's start: ftyp with a major brand and compatible brands, then an empty mdat. */
const iso = (major: string, ...compat: string[]) => bytes(box('ftyp', bytes(major, u32(0x200), ...compat)), box('free', Buffer.alloc(0)), box('mdat', Buffer.alloc(64)));
/** An EBML header naming its DocType (webm, matroska). */
const ebml = (doc: string) => bytes([0x1a, 0x45, 0xdf, 0xa3, 0x80 | (3 + doc.length)], [0x42, 0x82, 0x80 | doc.length], doc, Buffer.alloc(32));

const samples = {
  mp4: iso('isom', 'isom', 'iso2', 'avc1', 'mp41'),
  mp42: iso('mp42', 'mp42', 'mp41'),
  mov: iso('qt  ', 'qt  '),
  heic: iso('heic', 'mif1', 'heic'),
  avif: iso('avif', 'mif1', 'avif'),
  m4a: iso('M4A ', 'M4A ', 'mp42', 'isom'),
  m4v: iso('M4V ', 'M4V ', 'M4A ', 'mp42'),
  webm: ebml('webm'),
  mkv: ebml('matroska'),
  png: bytes(0x89, 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], u32(13), 'IHDR', u32(1), u32(1), [8, 2, 0, 0, 0], u32(0)),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  webp: bytes('RIFF', u32(0x1a000000), 'WEBPVP8 ', Buffer.alloc(16)),
  wav: bytes('RIFF', u32(0), 'WAVEfmt ', Buffer.alloc(16)),
  mp3: bytes('ID3', [4, 0, 0, 0, 0, 0, 0], [0xff, 0xfb, 0x90, 0x00], Buffer.alloc(417)),
};

describe('evidence media types by their content (file-type)', () => {
  it('[G10] what the screens play is accepted: MP4, WebM, JPEG, PNG, WebP', async () => {
    expect(await sniff(samples.mp4)).toEqual({ mime: 'video/mp4', type: 'video' });
    expect(await sniff(samples.mp42)).toEqual({ mime: 'video/mp4', type: 'video' });
    expect(await sniff(samples.webm)).toEqual({ mime: 'video/webm', type: 'video' });
    expect(await sniff(samples.jpeg)).toEqual({ mime: 'image/jpeg', type: 'image' });
    expect(await sniff(samples.png)).toEqual({ mime: 'image/png', type: 'image' });
    expect(await sniff(samples.webp)).toEqual({ mime: 'image/webp', type: 'image' });
  });

  it('[G10] ISO files the screens cannot play are refused and named: QuickTime, HEIC, AVIF, M4A, M4V (all once taken for MP4)', async () => {
    expect(await sniffType(samples.mov)).toEqual({ detected: 'mov' });
    expect(await sniffType(samples.heic)).toEqual({ detected: 'heic' });
    expect(await sniffType(samples.avif)).toEqual({ detected: 'avif' });
    expect(await sniffType(samples.m4a)).toEqual({ detected: 'm4a' });
    expect(await sniffType(samples.m4v)).toEqual({ detected: 'm4v' });
    expect(await sniffType(samples.mkv)).toEqual({ detected: 'mkv' });
    expect(await sniffType(samples.mp3)).toEqual({ detected: 'mp3' });
  });

  it('[G10] anything else is refused: HTML, SVG, a WAV in a RIFF box, a truncated header', async () => {
    expect(await sniff(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(await sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(await sniff(samples.wav)).toBeNull();
    expect(await sniff(bytes(0x89, 'PN'))).toBeNull();
    expect(await sniff(Buffer.alloc(0))).toBeNull();
  });
});
