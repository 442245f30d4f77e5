import { describe, expect, it } from 'vitest';
import type { DeputyView, RoundView } from '../../../shared/views.js';
import type { OutboxEntry } from './outbox.js';
import { phoneState } from './phone-state.js';

const round = (status: RoundView['status']): RoundView => ({
  id: 'r1', itemId: 'i1', purpose: 'vote', status, revealed: false, startedAt: 0, endsAt: null, pausedRemainingMs: null,
  voterCount: 0, candidates: null, manual: false, withoutQuorum: false,
} as RoundView);
const view = (r: RoundView | null, mySubmission: string | null = null) =>
  ({ serverNow: 0, meeting: { id: 'm', title: '', date: '' }, me: { id: 'd1', name: '', group: '', seat: '', present: true }, item: null, round: r, mySubmission }) as DeputyView;
const entry = (phase: OutboxEntry['phase'], submissionId = 's1', error: string | null = null): OutboxEntry => ({
  roundId: 'r1', submissionId, receipt: 'AAAAAAAA', content: { kind: 'motion', choice: 'for' }, phase,
  recorded: phase === 'acked' ? { kind: 'motion', choice: 'for' } : null, error, at: 0,
});

describe('phoneState', () => {
  it('no round, or a voided one', () => {
    expect(phoneState(view(null), null)).toEqual({ kind: 'notStarted' });
    expect(phoneState(view(round('voided')), entry('acked'))).toEqual({ kind: 'voided' });
  });
  it('an acked ballot is submitted with the echo; the server alone saying so is submitted without it', () => {
    expect(phoneState(view(round('open')), entry('acked'))).toMatchObject({ kind: 'submitted', recorded: { choice: 'for' }, closed: false });
    expect(phoneState(view(round('closed'), 'sX'), null)).toEqual({ kind: 'submitted', ours: null, recorded: null, closed: true });
  });
  it('a local copy with another submission id than the server holds is not the ballot on record', () => {
    expect(phoneState(view(round('open'), 's2'), entry('acked', 's1'))).toEqual({ kind: 'submitted', ours: null, recorded: null, closed: false });
  });
  it('pending is submitting; the server holding our id settles it as submitted', () => {
    expect(phoneState(view(round('open')), entry('pending'))).toMatchObject({ kind: 'submitting' });
    expect(phoneState(view(round('open'), 's1'), entry('pending'))).toMatchObject({ kind: 'submitted', recorded: null });
  });
  it('a refusal travels with the closed, paused or open state', () => {
    expect(phoneState(view(round('closed')), entry('refused', 's1', 'ROUND_CLOSED'))).toEqual({ kind: 'closed', refusal: 'ROUND_CLOSED' });
    expect(phoneState(view(round('paused')), null)).toEqual({ kind: 'paused', refusal: null });
    expect(phoneState(view(round('open')), entry('refused', 's1', 'NOT_CHECKED_IN'))).toEqual({ kind: 'open', refusal: 'NOT_CHECKED_IN' });
  });
});
