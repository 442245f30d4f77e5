// The plain page's Chinese font: the @font-face rules of the font the built app ships (Noto
// Sans SC, split by unicode-range), lifted out of the built CSS, so a phone without a Chinese
// system font shows characters, never boxes, and a phone with one downloads no font at all
// (plain.css lists the system fonts first; a face is fetched only for characters they lack).
// Read once from whatever the build emitted, so it follows however the bundle is split.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FACE = /@font-face\s*\{[^}]*\}/g;
const FAMILY = /font-family:\s*["']?Noto Sans SC["']?\s*[;}]/;

export async function fontFacesOf(clientDir: string | null): Promise<string> {
  if (clientDir === null) return '';
  const dir = join(clientDir, 'assets');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.css')).sort();
  } catch {
    return ''; // no build: the page falls back to the phone's own fonts
  }
  const faces = new Set<string>();
  for (const n of names) for (const m of (await readFile(join(dir, n), 'utf8')).matchAll(FACE)) if (FAMILY.test(m[0])) faces.add(m[0]);
  return [...faces].join('\n');
}
