// The core's side of /live (live.ts): the meeting's state is at hand, so the page's view and
// the polls a rating is checked against are built from it, the same way the core builds what it
// publishes for the public edges (server/seam/public.ts), so both judge a rating alike (Y9).
import { livePolls, type LivePoll } from '../../shared/audience-public.js';
import type { MeetingState } from '../../shared/state.js';
import { requestAddress, type TrustFn } from '../client-address.js';
import type { Logger } from '../logger.js';
import type { Meetings } from '../meetings.js';
import type { AudienceHub } from './hub.js';
import type { AudienceLimiters } from './limits.js';
import type { LiveSide } from './live.js';

/** The polls of a state, built once per state (every rating of a burst asks). */
export function pollsOf(): (s: MeetingState) => readonly LivePoll[] {
  const memo = new WeakMap<MeetingState, readonly LivePoll[]>();
  return (s) => {
    let p = memo.get(s);
    if (!p) memo.set(s, (p = livePolls(s)));
    return p;
  };
}

export function coreLiveSide(o: { meetings: Meetings; hub: AudienceHub; limiters: AudienceLimiters; trust: TrustFn; clock: () => number; log: Logger }): LiveSide {
  const polls = pollsOf();
  return {
    meetingOf: (code) => Promise.resolve(o.hub.meetingOf(code)),
    view: (meetingId) => {
      const s = o.meetings.get(meetingId);
      return s && o.hub.view(s);
    },
    polls: (meetingId) => {
      const s = o.meetings.get(meetingId);
      return s && polls(s);
    },
    counter: o.hub.counter,
    secret: o.hub.secret,
    limiters: o.limiters,
    address: (socket) => requestAddress(socket.request, o.trust),
    clock: o.clock,
    log: o.log,
  };
}
