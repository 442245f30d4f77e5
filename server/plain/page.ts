// The plain page's body for where the deputy stands: not checked in (a check-in form), waiting
// (refreshes itself), a round open (the ballot form), voted (the choice of a named vote, the
// receipt of a secret one), paused, closed (voted or 您未参加本轮表决), voided. Built from the
// same DeputyView the JS phone is sent, so both pages show the same state.
import { formatReceipt } from '../../shared/receipt-code.js';
import { ballotByReceipt, ballotsOf, type MeetingState } from '../../shared/state.js';
import { deputyView } from '../../shared/views.js';
import { ballotFields, ballotWords } from './ballot-form.js';
import { esc, hidden, minutes, notice } from './html.js';
import type { Kept } from './seal.js';
import type { T } from './text.js';

export interface PageInput {
  t: T;
  s: MeetingState;
  deputyId: string;
  now: number;
  /** What this browser cast per round (its cookie). */
  kept: Map<string, Kept>;
  /** A message carried over a redirect: a refusal code, or 'EXPIRED'. */
  flash: string | null;
  /** The form's action URL, with ?lang when chosen. */
  action: (what: 'check-in' | 'vote') => string;
  /** `?change=1` was asked for: show the form again to replace a ballot. */
  changing: boolean;
  changeHref: string;
  /** This page without a carried message: the refresh link. */
  selfHref: string;
  seal: (purpose: 'checkin' | 'vote', roundId: string, receipt?: string) => Record<string, string>;
}

export interface PageBody {
  body: string;
  refreshSec?: number;
}

/** Reload every 10 s while nothing is to be filled in. */
export const REFRESH_SEC = 10;

export function plainBody(p: PageInput): PageBody | null {
  const { t, s } = p;
  const v = deputyView(s, p.deputyId, p.now);
  if (!v) return null;
  const head = `<header><h1>${esc(v.meeting.title)}</h1><p class="who">${esc(t('hello', { name: v.me.name }))}${v.me.seat ? ` · ${esc(t('deputy:seat', { seat: v.me.seat }))}` : ''}</p>${
    v.rehearsal ? `<p class="rehearsal">${esc(t('deputy:rehearsal'))}</p>` : ''
  }</header>`;
  const flash = p.flash === null ? '' : p.flash === 'EXPIRED' ? notice('bad', t('expired')) : notice('bad', `${t('refusedTitle')}：${t(`common:errors.${p.flash}`)}`);
  const out = (main: string, refreshSec?: number): PageBody => ({ body: head + flash + main, ...(refreshSec ? { refreshSec } : {}) });
  const waitNote = `<p class="note">${esc(t('refreshNote'))} · <a href="${esc(p.selfHref)}">${esc(t('refreshNow'))}</a></p>`;

  if (!v.me.present) {
    const form = `<form method="post" action="${esc(p.action('check-in'))}">${hidden(p.seal('checkin', ''))}<button type="submit" class="primary">${esc(t('checkInButton'))}</button></form>`;
    return out(`<p>${esc(t('deputy:checkInHint'))}</p>${form}`);
  }
  const present = `<p class="present">✓ ${esc(t('checkInDone'))}</p>`;
  const item = v.item;
  const round = v.round ? s.rounds.get(v.round.id) : undefined;
  if (!item || item.kind === 'segment' || !round) {
    const what = item?.kind === 'segment' ? t('segment') : t('waitingRound');
    return out(`${present}${notice('info', what)}${waitNote}`, REFRESH_SEC);
  }
  const title = `<h2>${esc(item.title)}</h2>${item.description ? `<p class="desc">${esc(item.description)}</p>` : ''}`;
  if (round.status === 'voided') return out(`${present}${title}${notice('info', t('deputy:voided'))}${waitNote}`, REFRESH_SEC);
  if (round.manual) return out(`${present}${title}${notice('info', t('deputy:closed'))}${waitNote}`, REFRESH_SEC);
  // R14: the view holds this deputy's own suggestions only; with none there is nothing to rate.
  if (item.kind === 'rating' && item.suggestions && item.subjects.length === 0) return out(`${present}${title}${notice('info', t('deputy:noSuggestions'), `<p>${esc(t('deputy:noSuggestionsHint'))}</p>`)}`);

  const kept = p.kept.get(round.id);
  const mine = v.mySubmission;
  // This browser's own record counts only if it is the ballot the server holds for the deputy.
  const ownKept = kept && mine !== null && kept.sid === mine ? kept : undefined;
  const secret = item.settings.secret;
  const recorded = (): string => {
    if (mine === null) return '';
    if (!secret) {
      const ballot = [...ballotsOf(round)].reverse().find((b) => b.deputyId === p.deputyId);
      return notice('ok', t('recordedNamed'), ballot ? ballotWords(t, item, ballot.content) : '');
    }
    if (!ownKept) return notice('ok', t('deputy:submittedElsewhere'));
    const receipt = `<p class="receipt">${esc(t('deputy:receipt'))}：<b>${esc(formatReceipt(ownKept.receipt))}</b></p><p class="note">${esc(t('deputy:receiptHint'))}</p>`;
    return notice('ok', t('recordedSecret'), receipt);
  };
  const receiptsLink = (): string => {
    const code = ownKept?.receipt;
    const href = `/receipts/${encodeURIComponent(s.info.id)}/${encodeURIComponent(round.id)}${code ? `?code=${code}` : ''}`;
    // Checked here too: the receipts page is a JS page, and this phone may run none.
    const listed = code === undefined ? '' : `<p>${esc(ballotByReceipt(round, code) ? t('receiptListed') : t('receiptMissing'))}</p>`;
    return `${listed}<p><a href="${esc(href)}">${esc(t('receiptsLink'))}</a></p>`;
  };

  if (round.status === 'closed') {
    const mineText = mine === null ? notice('info', t('notVoted')) : recorded() + receiptsLink();
    return out(`${present}${title}${notice('info', t('deputy:closed'))}${mineText}${waitNote}`, REFRESH_SEC);
  }
  if (round.status === 'paused') {
    return out(`${present}${title}${notice('info', t('deputy:paused'), `<p>${esc(t('deputy:pausedHint'))}</p>`)}${recorded()}${waitNote}`, REFRESH_SEC);
  }
  const left = round.endsAt === null ? t('deputy:noCountdown') : t('openLeft', { left: minutes(round.endsAt - p.now) });
  const timer = `<p class="timer">${esc(left)}</p>`;
  const canChange = item.settings.allowChange && ownKept?.key !== undefined;
  if (mine !== null && !(p.changing && canChange)) {
    const change = !item.settings.allowChange
      ? ''
      : canChange
        ? `<p class="note">${esc(t('changeHint'))}</p><p><a class="button" href="${esc(p.changeHref)}">${esc(t('voteAgain'))}</a></p>`
        : `<p class="note">${esc(t('changeElsewhere'))}</p>`;
    return out(`${present}${title}${timer}${recorded()}${change}${waitNote}`, REFRESH_SEC);
  }
  // The form: a change keeps the receipt of the ballot it replaces (decideVote V6).
  const seal = p.seal('vote', round.id, canChange && mine !== null ? ownKept?.receipt : undefined);
  const form = `<form method="post" action="${esc(p.action('vote'))}">${hidden(seal)}${ballotFields(t, item, round)}<p class="note">${esc(t('submitHint'))}</p><button type="submit" class="primary">${esc(t('submit'))}</button></form>`;
  return out(`${present}${title}${timer}${form}`);
}
