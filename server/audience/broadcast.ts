// From a change to the public: audience pages get one view per meeting at most every
// AUDIENCE_FRAME_MS (a broadcast is encoded once for the whole room), when the meeting changed
// or the live counts moved; screens are told when the counts or the counter's availability moved.
import { coalesce } from '../frames.js';
import type { Meetings } from '../meetings.js';
import type { AudienceHub } from './hub.js';
import { liveRoom, type LiveNamespace } from './live.js';

/** Tens of thousands of phones: a view costs one write per phone, so at most two a second. */
export const AUDIENCE_FRAME_MS = 500;
/** A moving participant count alone reaches the phones at most this often (a burst of ratings moves it every read). */
export const AUDIENCE_COUNT_FRAME_MS = 10_000;
/** At most a fifth of the event loop for the audience, whatever its size. */
export const AUDIENCE_BUDGET = 5;

export function wireAudience(meetings: Meetings, hub: AudienceHub, nsp: LiveNamespace, touchScreens: (meetingId: string) => void): void {
  const emitters = new Map<string, { state: () => void; count: () => void }>();
  const emitter = (meetingId: string) => {
    let f = emitters.get(meetingId);
    if (!f) {
      let last = '';
      const emit = () => {
        const s = meetings.get(meetingId);
        if (!s) return;
        const view = hub.view(s);
        // Every vote moves the state, rarely the page (no tallies there, Y7): an unchanged page
        // (but for its instant) is not written to every viewer again. A page that connects gets
        // the current view at once (live.ts), so nothing is missed.
        const body = JSON.stringify({ ...view, serverNow: 0 });
        if (body === last) return;
        last = body;
        nsp.to(liveRoom(meetingId)).emit('view', view);
      };
      f = { state: coalesce(AUDIENCE_FRAME_MS, emit, AUDIENCE_BUDGET), count: coalesce(AUDIENCE_COUNT_FRAME_MS, emit, AUDIENCE_BUDGET) };
      emitters.set(meetingId, f);
    }
    return f;
  };
  meetings.onChange((meetingId) => emitter(meetingId).state());
  hub.onLive((meetingId, what) => {
    // A moving count is for the screens; the pages hear it with their next view (at most every
    // AUDIENCE_COUNT_FRAME_MS), not once per read: a broadcast to every page holds the event
    // loop for one write per page, which starved a burst of 19,000 ratings (docs/PERFORMANCE.md).
    if (what === 'availability') emitter(meetingId).state();
    else emitter(meetingId).count();
    touchScreens(meetingId);
  });
}
