// The chamber edge process (WZ_DEPUTY_EDGE=1, docs/DEPLOY.md): a child of the core that serves
// the deputies' WebSockets, which the core hands over as they connect (chamber-host.ts). It
// parses and validates what phones send, forwards votes and check-ins to the core as requests
// (several per message), acks what the core answered once durable, and builds the phones' views
// from the records it folds. The core stays the single writer (SPEC Z6).
import { createServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import { NS } from '../../shared/protocol.js';
import { consoleLogger } from '../logger.js';
import { capSocketsPerLink } from '../limits/per-link.js';
import { EdgeFold } from '../seam/edge-fold.js';
import { RemoteCore, type Port } from '../seam/transport.js';
import { guardNamespace } from '../sockets/guard.js';
import { sameOrigin } from '../sockets/origin.js';
import type { Admission, DeputyNamespace } from '../sockets/deputy.js';
import { setupChamberDeputy } from './chamber-deputy.js';
import { CHAMBER_ENV, type ChamberSettings, type FromChamber, type ToChamber } from './chamber-wire.js';

const settings = JSON.parse(process.env[CHAMBER_ENV] ?? '{}') as ChamberSettings;
const log = consoleLogger();
const send = (msg: unknown) => {
  if (process.connected) process.send?.(msg);
};
const port: Port = {
  post: send,
  listen: (f) => {
    process.on('message', f);
    return () => process.off('message', f);
  },
};
const core = new RemoteCore(port, `c${process.pid}-`);

let offset = 0;
const now = () => Date.now() + offset;
let nextAdmit = 0;
const admissions = new Map<number, (a: Admission) => void>();
const admit = (token: string | undefined, device: string | undefined) =>
  new Promise<Admission>((resolve, reject) => {
    const id = ++nextAdmit;
    const timer = setTimeout(() => admissions.delete(id) && reject(new Error('no answer from the core')), 10_000);
    admissions.set(id, (a) => (clearTimeout(timer), resolve(a)));
    send({ t: 'admit', id, token, device } satisfies FromChamber);
  });

const http = createServer((_req, res) => res.writeHead(404).end());
const io = new Server(http, {
  serveClient: false,
  transports: ['websocket'],
  maxHttpBufferSize: 64 * 1024,
  allowRequest: (req, cb) => cb(null, sameOrigin(req)),
  pingInterval: 10_000,
  pingTimeout: 8_000,
});
const nsp = io.of(NS.deputy) as DeputyNamespace;
guardNamespace(nsp, settings.rateLimit, log, (s) => (s.data as { token?: string }).token);
capSocketsPerLink(nsp, settings.maxSocketsPerLink, (s) => (s.data as { token: string }).token, log);
const fold: EdgeFold = new EdgeFold((m) => core.snapshot(m), (m, s, e) => deputies.changed(m, s, e));
const deputies = setupChamberDeputy(nsp, { core, fold, admit, now, log });
core.onRecord((r) => fold.apply(r));
core.onHead((m, seq) => fold.head(m, seq));

process.on('message', (raw: unknown, handle: unknown) => {
  const m = raw as ToChamber;
  switch (m?.t) {
    case 'conn': {
      const socket = handle as NetSocket | undefined;
      if (!socket) return;
      // As if this server had accepted it, with the bytes the core read to route it.
      http.emit('connection', socket);
      socket.emit('data', Buffer.from(m.head));
      socket.resume();
      return;
    }
    case 'admitted':
      offset = m.now - Date.now();
      admissions.get(m.id)?.(m.admission);
      admissions.delete(m.id);
      return;
    case 'revoked':
      deputies.revoked(m.meetingId, m.tokens);
      return;
    case 'clock':
      offset = m.now - Date.now();
      return;
    default:
      return; // the seam's own messages (transport.ts), handled by RemoteCore
  }
});
// The core gone: this process has nothing to serve (the core starts a new one).
process.on('disconnect', () => process.exit(0));
send({ t: 'ready' } satisfies FromChamber);
