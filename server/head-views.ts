// Views with the audit chain head added: it lives in the audit log, not in the meeting state
// the views are folded from. Reading it builds the entries of records audited so far (they are
// otherwise built up to 50 ms later), so a view always shows the head after its own record.
import type { MeetingState } from '../shared/state.js';
import { consoleWireView, screenView, type ConsoleWireView, type ScreenView } from '../shared/views.js';
import type { Ctx } from './sockets/common.js';
import { audienceScreen, consoleAudience } from '../shared/audience-view.js';
import { audienceRecords } from '../shared/audience-report.js';
import { shownResultOf } from '../shared/views.js';

export function consoleViewWithHead(ctx: Ctx, s: MeetingState): ConsoleWireView {
  // Y20: the report prints the closed polls' figures (as results.json does: every figure, for staff).
  const v = { ...consoleWireView(s, ctx.clock()), ...(s.audience.length > 0 ? { audienceRecords: audienceRecords(s, shownResultOf) } : {}) };
  const hub = ctx.audience;
  if (!hub) return { ...v, auditHead: ctx.auditHead?.() ?? null };
  const live = hub.live(s.info.id);
  // The previews show the audience element as the screens do (the cued one with today's counts).
  const withAudience = (p: ScreenView): ScreenView => ({ ...p, audience: audienceScreen(s, live) });
  return {
    ...v,
    preview: { live: withAudience(v.preview.live), next: v.preview.next && withAudience(v.preview.next) },
    audience: consoleAudience(s, live),
    auditHead: ctx.auditHead?.() ?? null,
  };
}

/** The screen shows the head only with a closed round's result: small print to write down at close. */
export function screenViewWithHead(ctx: Ctx, s: MeetingState): ScreenView {
  const v = screenViewWithAudience(ctx, s);
  return v.round?.status === 'closed' ? { ...v, auditHead: ctx.auditHead?.() ?? null } : v;
}

/** The screen's view with its audience part (the data feed reads this too: Y20). */
export function screenViewWithAudience(ctx: Ctx, s: MeetingState): ScreenView {
  const base = screenView(s, ctx.clock());
  return ctx.audience ? { ...base, audience: audienceScreen(s, ctx.audience.live(s.info.id)) } : base;
}
