// A TCP proxy in front of the server that can go silent the way chamber Wi-Fi does: the
// phone's connections stay open, nothing arrives either way, and the browser gets no
// 'offline' event (Playwright's setOffline sends one, which socket.io listens for; a dead
// access point does not). Used to prove the phone notices by its own heartbeat.
import { connect, createServer, type Socket } from 'node:net';

export interface FreezeProxy {
  url: string;
  freeze(): void;
  /** The link comes back: connections made during the outage go through, the old ones are dropped. */
  thaw(): void;
  close(): Promise<void>;
}

export async function freezeProxy(target: string): Promise<FreezeProxy> {
  const { hostname, port } = new URL(target);
  let frozen = false;
  const live = new Set<{ client: Socket; up: Socket }>();
  let held: Socket[] = [];

  const wire = (client: Socket) => {
    const up = connect(Number(port), hostname);
    const pair = { client, up };
    live.add(pair);
    const drop = () => {
      live.delete(pair);
      client.destroy();
      up.destroy();
    };
    // Bytes sent while frozen are lost, as on a dead link.
    client.on('data', (d) => void (!frozen && up.write(d)));
    up.on('data', (d) => void (!frozen && client.write(d)));
    for (const s of [client, up]) {
      s.on('error', drop);
      s.on('close', () => !frozen && drop());
    }
    client.resume();
  };

  const server = createServer((client) => {
    client.on('error', () => client.destroy());
    if (frozen) {
      client.pause();
      held.push(client);
    } else wire(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  return {
    url,
    freeze: () => void (frozen = true),
    thaw: () => {
      frozen = false;
      for (const p of live) {
        p.client.destroy();
        p.up.destroy();
      }
      live.clear();
      const waiting = held.filter((s) => !s.destroyed);
      held = [];
      for (const s of waiting) wire(s);
    },
    close: async () => {
      for (const p of live) {
        p.client.destroy();
        p.up.destroy();
      }
      for (const s of held) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
