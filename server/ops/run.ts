// Test helper: run a command to its end, bounded, and keep what it printed.
import { spawn } from 'node:child_process';

export interface Ran {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

export function runProcess(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<Ran> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const t = setTimeout(() => c.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    c.on('error', reject);
    c.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, out, err, ms: Date.now() - t0 });
    });
  });
}

/** Start a long-running process, resolve once `ready` matches its stdout; stop() ends it. */
export function startProcess(cmd: string, args: string[], ready: RegExp, opts: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {}) {
  const t0 = Date.now();
  const c = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  c.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => c.on('close', (code) => r(code)));
  const started = new Promise<{ match: RegExpMatchArray; ms: number }>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`not ready in time: ${out}\n${err}`)), opts.timeoutMs ?? 30_000);
    c.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) {
        clearTimeout(t);
        resolve({ match: m, ms: Date.now() - t0 });
      }
    });
    void exited.then((code) => {
      clearTimeout(t);
      reject(new Error(`exited with ${code} before ready: ${out}\n${err}`));
    });
  });
  return {
    started,
    output: () => out + err,
    stop: async () => {
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
      return exited;
    },
  };
}
