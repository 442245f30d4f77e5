// Views with the audit chain head added: it lives in the audit log, not in the meeting state
// the views are folded from. Reading it builds the entries of records audited so far (they are
// otherwise built up to 50 ms later), so a view always shows the head after its own record.
import type { MeetingState } from '../shared/state.js';
import { consoleWireView, screenView, type ConsoleWireView, type ScreenView } from '../shared/views.js';
import type { Ctx } from './sockets/common.js';

export function consoleViewWithHead(ctx: Ctx, s: MeetingState): ConsoleWireView {
  return { ...consoleWireView(s, ctx.clock()), auditHead: ctx.auditHead?.() ?? null };
}

/** The screen shows the head only with a closed round's result: small print to write down at close. */
export function screenViewWithHead(ctx: Ctx, s: MeetingState): ScreenView {
  const v = screenView(s, ctx.clock());
  return v.round?.status === 'closed' ? { ...v, auditHead: ctx.auditHead?.() ?? null } : v;
}
