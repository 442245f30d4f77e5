// Logins over plain node:http, so a test can choose the source address (any 127.x.y.z is this
// machine) and see the status and Retry-After the server answered, with a time bound.
import { request } from 'node:http';

export interface LoginAnswer {
  status: number;
  body: { ok?: boolean; error?: string; session?: string };
  retryAfter: string | undefined;
  ms: number;
}

export function loginFrom(url: string, username: string, password: string, opts: { localAddress?: string; timeoutMs?: number; headers?: Record<string, string> } = {}): Promise<LoginAnswer> {
  const started = performance.now();
  const payload = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/login`,
      {
        method: 'POST',
        agent: false, // a socket of its own: each attempt is a separate connection, as from a script
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...opts.headers },
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
        timeout: opts.timeoutMs ?? 30_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let body: LoginAnswer['body'] = {};
          try {
            body = JSON.parse(text) as LoginAnswer['body'];
          } catch {
            /* not JSON: status says enough */
          }
          const ra = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, body, retryAfter: Array.isArray(ra) ? ra[0] : ra, ms: performance.now() - started });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('login request timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}
