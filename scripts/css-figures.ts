/* Prints the CSS figures of the design system: how much CSS there is and how many raw values
   live outside the tokens. tokens.css is where values belong, so its own hex values, sizes and
   radii are not counted; everywhere else a raw value is a place a token change will not reach.
   Usage: npm run css-figures [-- --json] [styles folder] */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TOKENS_FILE = 'tokens.css';

export interface CssFigures {
  files: number;
  lines: number;
  hexOutsideTokens: string[];
  fontSizesRaw: string[];
  radiiOutsideTokens: string[];
}

/** Drops comments so a value named in a comment is not counted. */
function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** A declaration's value is raw when it names no var(); inherit/0/percentages are not sizes. */
function rawValues(css: string, property: RegExp): string[] {
  const found: string[] = [];
  for (const match of css.matchAll(property)) {
    const value = (match[1] ?? '').trim().replace(/\s*!important$/, '');
    if (value === '' || value.includes('var(')) continue;
    if (/^(inherit|initial|unset|0|0px)$/.test(value)) continue;
    found.push(value);
  }
  return found;
}

export function cssFigures(dir: string): CssFigures {
  const files = readdirSync(dir).filter((f) => f.endsWith('.css')).sort();
  let lines = 0;
  const hex = new Set<string>();
  const sizes = new Set<string>();
  const radii = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (file === TOKENS_FILE) continue;
    const css = stripComments(text);
    for (const m of css.matchAll(/#[0-9a-fA-F]{3,8}\b/g)) hex.add(m[0].toLowerCase());
    for (const v of rawValues(css, /(?:^|[;{\s])font-size\s*:\s*([^;}]+)/g)) sizes.add(v);
    for (const v of rawValues(css, /(?:^|[;{\s])border(?:-[a-z]+)*-radius\s*:\s*([^;}]+)/g)) radii.add(v);
  }
  return {
    files: files.length,
    lines,
    hexOutsideTokens: [...hex].sort(),
    fontSizesRaw: [...sizes].sort(),
    radiiOutsideTokens: [...radii].sort(),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'client/src/styles');
  const f = cssFigures(dir);
  if (json) {
    console.log(JSON.stringify(f, null, 2));
    return;
  }
  console.log(`CSS files:                        ${f.files}`);
  console.log(`CSS lines:                        ${f.lines}`);
  console.log(`distinct hex values outside tokens: ${f.hexOutsideTokens.length}  ${f.hexOutsideTokens.join(' ')}`);
  console.log(`distinct raw font sizes:          ${f.fontSizesRaw.length}  ${f.fontSizesRaw.join(' | ')}`);
  console.log(`distinct radii outside tokens:    ${f.radiiOutsideTokens.length}  ${f.radiiOutsideTokens.join(' | ')}`);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) main();
