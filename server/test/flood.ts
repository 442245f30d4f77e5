// A login flood from another process, as from another machine: its own requests must not be
// timed on the event loop of the server under test. Bounded: every request has a deadline.
import { spawn } from 'node:child_process';

export interface FloodResult {
  /** HTTP status (or the error's message) → how many answers. */
  statuses: Record<string, number>;
  /** When the last answer arrived, from the start of the flood. */
  lastMs: number;
}

export interface Flood {
  /** Resolves once every request has been written to its socket. */
  sent: Promise<void>;
  done: Promise<FloodResult>;
}

const SCRIPT = `
const http = require('node:http');
const { url, n, names, localAddress, deadlineMs } = JSON.parse(process.env.FLOOD);
const statuses = {};
let last = 0, left = n, unsent = n;
const t0 = performance.now();
const count = (k) => { statuses[k] = (statuses[k] || 0) + 1; last = performance.now() - t0; if (--left === 0) process.stdout.write(JSON.stringify({ statuses, lastMs: Math.round(last) }) + '\\n'); };
for (let i = 0; i < n; i++) {
  const username = names[i % names.length].replace('*', i + '-' + Math.random().toString(36).slice(2, 8));
  const body = JSON.stringify({ username, password: 'wrong-' + i });
  const req = http.request(url + '/api/login', { method: 'POST', agent: false, timeout: deadlineMs, localAddress,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => { res.resume(); res.on('end', () => count(String(res.statusCode))); });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (e) => count(e.message));
  req.on('finish', () => { if (--unsent === 0) process.stdout.write('sent\\n'); });
  req.end(body);
}
`;

/** n concurrent wrong logins; `names` cycle, a `*` in a name becomes a fresh random part. */
export function loginFlood(url: string, n: number, names: readonly string[], opts: { localAddress?: string; deadlineMs?: number } = {}): Flood {
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    env: { ...process.env, FLOOD: JSON.stringify({ url, n, names, localAddress: opts.localAddress, deadlineMs: opts.deadlineMs ?? 60_000 }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  let out = '';
  let sentResolve: () => void = () => undefined;
  const sent = new Promise<void>((r) => (sentResolve = r));
  const done = new Promise<FloodResult>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      if (out.includes('sent\n')) sentResolve();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as FloodResult);
    });
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`flood exited ${code}`))));
    // The child's own bound: it cannot outlive its longest request by much.
    setTimeout(() => child.kill('SIGKILL'), (opts.deadlineMs ?? 60_000) + 10_000).unref();
  });
  return { sent, done };
}
