// The bench's big screen, in a process of its own so that the deputies' traffic never delays
// what it sees. It records, for every view it is sent, when it arrived (conductor clock) and
// how many ballots the tally on it includes.
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../../shared/protocol.js';
import type { ScreenView } from '../../shared/views.js';
import { send, syncClock, wallNow, type ScreenFrame, type ToScreen } from './ipc.js';
import { assertNever } from '../../shared/never.js';

let offset = 0;
let frames: ScreenFrame[] = [];
let socket: Socket | null = null;

/**
 * Ballots the screen's figures include: the live tally when shown, else the turnout count (also
 * for a secret live vote, whose figures move in steps of k ballots behind: SPEC W7).
 */
function countOf(v: ScreenView): number {
  const r = v.result;
  if (r && r.kind === 'motion' && v.round?.liveBatch == null) return r.cast;
  return v.round?.voterCount ?? 0;
}

function connect(url: string): void {
  socket = io(url + NS.screen, { auth: { v: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true });
  let told = false;
  socket.on('view', (v: ScreenView) => {
    const at = wallNow() + offset;
    frames.push({ at, roundId: v.round?.id ?? null, count: countOf(v) });
    if (!told) {
      told = true;
      send({ t: 'screenUp' });
    }
  });
}

process.on('message', (raw: unknown) => {
  const m = raw as ToScreen; // our own IPC, sent by conductor.ts
  switch (m.t) {
    case 'pong':
      return; // handled by syncClock
    case 'connect':
      connect(m.url);
      return;
    case 'dump':
      send({ t: 'frames', frames });
      frames = [];
      return;
    default: {
      return assertNever(m, 'message');
    }
  }
});
process.on('disconnect', () => {
  socket?.close();
  process.exit(0);
});

const sync = await syncClock();
offset = sync.offsetMs;
send({ t: 'ready', ...sync });
