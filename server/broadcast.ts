// From a durable change to the screens: coalesced, so a burst of 3,000 votes costs a few
// dozen screen updates, not 3,000. Deputies hear about changes that concern all of them
// (item, round status, countdown) and about their own check-in and ballot; never per vote.
// Cost model (docs/PERFORMANCE.md): every message to a socket is one write system call, so
// deputy views are sent after the acks of the same commit (the ack is what a phone waits for)
// and in small slices, letting votes in between, also when the whole chamber is owed one.
import type { MeetingEvent } from '../shared/events.js';
import type { MeetingState } from '../shared/state.js';
import { consoleRoster, focusRound } from '../shared/views.js';
import { consoleViewWithHead, screenViewWithHead } from './head-views.js';
import type { Meetings } from './meetings.js';
import { consoleRoom, type ConsoleNamespace } from './sockets/console.js';
import { deputyRoom, sendDeputyView, type DeputyNamespace } from './sockets/deputy.js';
import { type ScreenNamespace } from './sockets/screen.js';
import { screenRoom } from './sockets/rooms.js';
import { coalesce, CONSOLE_BUDGET, CONSOLE_FRAME_MS, SCREEN_BUDGET, SCREEN_FRAME_MS } from './frames.js';
import type { Ctx } from './sockets/common.js';

type DeputySocket = Parameters<typeof sendDeputyView>[1];

/** Deputy views sent per turn of the event loop (each is a system call: ~0.1-0.3 ms here). */
export const DEPUTY_SLICE = 32;

/**
 * What every deputy's page depends on besides their own row. State is immutable, so the
 * meeting info is compared by reference: no serializing on every commit.
 */
export function deputyCommonKey(s: MeetingState): readonly unknown[] {
  const r = focusRound(s);
  // agenda and roster change identity only when staff edit them (agenda.set, roster.set), so an
  // edited item or a corrected name reaches every phone without a per-vote cost.
  // s.rehearsal moves only at its start and end; the end also clears every deputy's check-in.
  return [s.info, s.agenda, s.roster, s.currentItemId, r?.id, r?.status, r?.endsAt, r?.pausedRemainingMs, r?.revealed, s.rehearsal];
}

export const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Deputies whose own page changed. A first ballot is not among them: its ack already tells the
 * phone what was recorded, and a second message per vote costs one more write system call
 * per vote (the largest item in the profile, docs/PERFORMANCE.md). A changed ballot (allowChange)
 * does get a view, since the phone's record of which submission counts moves.
 */
export function touchedDeputies(events: readonly MeetingEvent[]): string[] {
  const ids: string[] = [];
  const changed = events.some((e) => e.t === 'ballot' && e.replaces !== undefined);
  for (const e of events) {
    if (e.t === 'checkin' || e.t === 'checkin.undone' || (e.t === 'voted' && changed)) ids.push(e.deputyId);
  }
  return ids;
}

/**
 * The sockets in a room, looked up synchronously: the in-memory adapter of this process holds
 * every room its namespace serves, and fetchSockets() would cost a promise per lookup.
 */
export function socketsInRoom<S>(nsp: { adapter: { rooms: ReadonlyMap<string, ReadonlySet<string>> }; sockets: ReadonlyMap<string, S> }, room: string): S[] {
  const out: S[] = [];
  for (const id of nsp.adapter.rooms.get(room) ?? []) {
    const socket = nsp.sockets.get(id);
    if (socket) out.push(socket);
  }
  return out;
}

/**
 * Phones owed a view, in order, each once: a view is built from the state when it is sent, so
 * one send covers every change queued before it. DEPUTY_SLICE go per turn of the event loop,
 * after the acks of the same commit and with incoming votes handled in between. Returns `owe`.
 */
export function viewPump<S extends { readonly connected: boolean }>(send: (socket: S) => void): (sockets: readonly S[]) => void {
  const owed = new Set<S>();
  const pump = () => {
    let k = 0;
    for (const socket of owed) {
      if (k++ === DEPUTY_SLICE) break;
      owed.delete(socket);
      if (socket.connected) send(socket);
    }
    if (owed.size > 0) setImmediate(pump);
  };
  return (sockets) => {
    if (sockets.length === 0) return;
    if (owed.size === 0) setImmediate(pump);
    for (const socket of sockets) owed.add(socket);
  };
}

export function wireBroadcasts(
  ctx: Ctx,
  meetings: Meetings,
  ns: { deputy: DeputyNamespace; screen: ScreenNamespace; console: ConsoleNamespace },
): { touchScreens: (meetingId: string) => void } {
  const perMeeting = new Map<string, { screens: () => void; consoles: () => void; deputyKey: readonly unknown[] }>();

  const slot = (meetingId: string) => {
    let p = perMeeting.get(meetingId);
    if (!p) {
      const emitScreens = () => {
        const s = meetings.get(meetingId);
        if (s) ns.screen.to(screenRoom(meetingId)).emit('view', screenViewWithHead(ctx, s));
      };
      // The roster goes only when it (or who is present) changed; the view, without it, goes
      // every frame: 3,000 names were most of each console message (docs/PERFORMANCE.md).
      let sentRoster: readonly unknown[] = [];
      const emitConsoles = () => {
        const s = meetings.get(meetingId);
        if (!s) return;
        const room = ns.console.to(consoleRoom(meetingId));
        if (sentRoster[0] !== s.roster || sentRoster[1] !== s.present) {
          sentRoster = [s.roster, s.present];
          room.emit('roster', consoleRoster(s));
        }
        room.emit('view', consoleViewWithHead(ctx, s));
      };
      const s = meetings.get(meetingId);
      p = {
        screens: coalesce(SCREEN_FRAME_MS, emitScreens, SCREEN_BUDGET),
        consoles: coalesce(CONSOLE_FRAME_MS, emitConsoles, CONSOLE_BUDGET),
        deputyKey: s ? deputyCommonKey(s) : [],
      };
      perMeeting.set(meetingId, p);
    }
    return p;
  };

  const socketsIn = (room: string) => socketsInRoom(ns.deputy, room);
  const owe = viewPump<DeputySocket>((socket) => sendDeputyView(ctx, socket));

  meetings.onChange((meetingId, state, events) => {
    const p = slot(meetingId);
    p.screens();
    p.consoles();
    const key = deputyCommonKey(state);
    if (!sameKey(key, p.deputyKey)) {
      p.deputyKey = key;
      owe(socketsIn(deputyRoom(meetingId)));
    } else {
      for (const id of touchedDeputies(events)) owe(socketsIn(deputyRoom(meetingId, id)));
    }
  });

  meetings.onStorage((healthy) => {
    ns.console.emit(
      'alarm',
      healthy
        ? { code: 'STORAGE_OK', message: 'data folder writable again' }
        : { code: 'STORAGE_FAILED', message: 'data folder cannot be written: votes are refused until it is fixed' },
    );
  });
  // Something outside the state changed what screens show (the audience counts, server/audience/).
  return {
    touchScreens: (meetingId) => {
      const p = slot(meetingId);
      p.screens();
      p.consoles();
    },
  };
}
