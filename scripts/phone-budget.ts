// `npm run phone-budget`: the deputy's first load as a phone on a weak Wi-Fi gets it (issue #14).
// Builds if there is no build (or with --build), starts the built server on a free port with
// the demo meeting, loads a demo deputy's link in Debian's Chromium (cold cache, then a warm
// reload) with no throttling, fast 3G and slow 3G (CDP network emulation, e2e/phone-load.ts),
// and prints the transferred bytes by type and the time to the check-in button.
// Budget: ≤ 300 KB transferred (e2e/phone-budget.spec.ts asserts it), check-in ≤ 5 s on slow 3G.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { deputyLink, FAST_3G, loadDeputyPage, SLOW_3G, type Load, type Network } from '../e2e/phone-load.js';
import { startBuiltServer } from '../e2e/server.js';

const BUDGET_BYTES = 300 * 1024;
const BUDGET_SLOW_MS = 5000;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function line(label: string, l: Load): string {
  const b = l.bytes;
  return `${label.padEnd(22)} total ${kb(l.total).padStart(9)} | html ${kb(b.html)} js ${kb(b.js)} css ${kb(b.css)} font ${kb(b.font)} other ${kb(b.other)} | check-in visible ${l.checkInMs} ms`;
}

async function main(): Promise<void> {
  if (process.argv.includes('--build') || !existsSync('dist/client/index.html') || !existsSync('dist/server/main.js')) {
    execSync('npm run build', { stdio: 'inherit' });
  }
  const server = await startBuiltServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  let failed = false;
  try {
    const profiles: [string, Network | null, boolean][] = [
      ['no throttling', null, false],
      [FAST_3G.name, FAST_3G, false],
      [SLOW_3G.name, SLOW_3G, false],
      // A phone on plain http://<LAN address>: Chromium offers no br there, gzip is served.
      [`${SLOW_3G.name}, plain http on the LAN (gzip only)`, SLOW_3G, true],
    ];
    for (const [i, [name, net, gzipOnly]] of profiles.entries()) {
      // A deputy per run: a link is bound to the first device that opens it, and a new
      // context (the cold cache) is a new device.
      const { cold, warm, page } = await loadDeputyPage(browser, await deputyLink(server.url, i), net, gzipOnly);
      const what = net ? ` (${net.down / 1000} kbit/s down, ${net.up / 1000} up, ${net.rttMs} ms RTT)` : '';
      console.log(`\n${name}${what}`);
      console.log(line('  cold cache', cold));
      console.log(line('  warm reload', warm));
      if (!net) for (const r of cold.requests) console.log(`    ${r.kind.padEnd(5)} ${kb(r.bytes).padStart(9)}  ${r.url.replace(server.url, '')}`);
      if (cold.total > BUDGET_BYTES) failed = true;
      if (net === SLOW_3G && !gzipOnly && cold.checkInMs > BUDGET_SLOW_MS) failed = true;
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`\nbudget: ≤ ${kb(BUDGET_BYTES)} transferred, check-in ≤ ${BUDGET_SLOW_MS} ms on slow 3G: ${failed ? 'OVER' : 'within'}`);
  process.exit(failed ? 1 : 0);
}

await main();
