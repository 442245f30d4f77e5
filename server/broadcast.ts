// From a durable change to the screens: coalesced, so a burst of 3,000 votes costs a few
// dozen screen updates, not 3,000. Deputies hear about changes that concern all of them
// (item, round status, countdown) and about their own check-in and ballot; never per vote.
import type { MeetingEvent } from '../shared/events.js';
import type { MeetingState } from '../shared/state.js';
import { consoleView, focusRound, screenView } from '../shared/views.js';
import type { Meetings } from './meetings.js';
import { consoleRoom, type ConsoleNamespace } from './sockets/console.js';
import { deputyRoom, sendDeputyView, type DeputyNamespace } from './sockets/deputy.js';
import { screenRoom, type ScreenNamespace } from './sockets/screen.js';
import type { Ctx } from './sockets/common.js';

export const SCREEN_FRAME_MS = 16;
export const CONSOLE_FRAME_MS = 100;

/** Run f at most once per `ms`, at the latest `ms` after the first request (leading + trailing). */
export function coalesce(ms: number, f: () => void): () => void {
  let last = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) return;
    const wait = Math.max(0, last + ms - Date.now());
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      f();
    }, wait);
  };
}

/** What every deputy's page depends on besides their own row. */
function deputyCommonKey(s: MeetingState): string {
  const r = focusRound(s);
  return JSON.stringify([s.info, s.currentItemId, r?.id, r?.status, r?.endsAt, r?.pausedRemainingMs, r?.revealed]);
}

function touchedDeputies(events: readonly MeetingEvent[]): string[] {
  const ids: string[] = [];
  for (const e of events) if (e.t === 'checkin' || e.t === 'checkin.undone' || e.t === 'voted') ids.push(e.deputyId);
  return ids;
}

export function wireBroadcasts(
  ctx: Ctx,
  meetings: Meetings,
  ns: { deputy: DeputyNamespace; screen: ScreenNamespace; console: ConsoleNamespace },
): void {
  const perMeeting = new Map<string, { screens: () => void; consoles: () => void; deputyKey: string }>();

  const slot = (meetingId: string) => {
    let p = perMeeting.get(meetingId);
    if (!p) {
      const emitScreens = () => {
        const s = meetings.get(meetingId);
        if (s) ns.screen.to(screenRoom(meetingId)).emit('view', screenView(s, ctx.clock()));
      };
      const emitConsoles = () => {
        const s = meetings.get(meetingId);
        if (s) ns.console.to(consoleRoom(meetingId)).emit('view', consoleView(s, ctx.clock()));
      };
      const s = meetings.get(meetingId);
      p = {
        screens: coalesce(SCREEN_FRAME_MS, emitScreens),
        consoles: coalesce(CONSOLE_FRAME_MS, emitConsoles),
        deputyKey: s ? deputyCommonKey(s) : '',
      };
      perMeeting.set(meetingId, p);
    }
    return p;
  };

  const sendToDeputies = async (room: string) => {
    for (const socket of await ns.deputy.in(room).fetchSockets()) {
      const local = ns.deputy.sockets.get(socket.id);
      if (local) sendDeputyView(ctx, local);
    }
  };

  meetings.onChange((meetingId, state, events) => {
    const p = slot(meetingId);
    p.screens();
    p.consoles();
    const key = deputyCommonKey(state);
    if (key !== p.deputyKey) {
      p.deputyKey = key;
      void sendToDeputies(deputyRoom(meetingId));
    } else {
      for (const id of touchedDeputies(events)) void sendToDeputies(deputyRoom(meetingId, id));
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
}
