// Vote control for the current item: start (with countdown; a NO_QUORUM refusal asks the
// operator to confirm and resends with confirmNoQuorum), add time, pause/resume, close,
// reveal and void with a reason. Every button sends one command and shows its refusal.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../shared/protocol.js';
import type { ConsoleRoundView } from '../../../shared/views.js';
import { errorText } from '../i18n/errors.js';
import { formatSeconds, secondsLeft, useTick } from '../net/clock.js';
import { ConfirmBox } from './confirm-box.js';
import type { PanelProps } from './panel.js';
import { currentItem, defaultCountdown, latestRoundOf } from './rounds.js';

export function RoundControls({ view, send, offset }: PanelProps) {
  const { t } = useTranslation(['console', 'common', 'receipts']);
  const item = currentItem(view);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askQuorum, setAskQuorum] = useState(false);
  const [askReveal, setAskReveal] = useState(false);
  const [countdown, setCountdown] = useState<string | null>(null);

  const run = (c: Command, onRefused?: (code: string) => boolean) => {
    setBusy(true);
    setError(null);
    void send(c).then((r) => {
      setBusy(false);
      if (r.ok) return;
      if (onRefused?.(r.error)) return;
      setError(errorText(t, r.error));
    });
  };

  if (!item || item.kind === 'segment') {
    return (
      <section className="panel controls" data-testid="round-controls">
        <h2 className="panel__title">{t('console:round.title')}</h2>
        <p className="panel__hint">{t(item ? 'segments:console.noVoteHere' : 'console:round.noItem')}</p>
      </section>
    );
  }

  const round = latestRoundOf(view, item.id);
  const seconds = countdown ?? String(defaultCountdown(item));
  const start = (confirmNoQuorum: boolean) => {
    const sec = Number.parseInt(seconds, 10);
    run(
      {
        type: 'startRound',
        itemId: item.id,
        ...(Number.isFinite(sec) && sec >= 0 ? { countdownSec: Math.min(sec, 3600) } : {}),
        ...(confirmNoQuorum ? { confirmNoQuorum: true } : {}),
      },
      (code) => code === 'NO_QUORUM' && (setAskQuorum(true), true),
    );
    setAskQuorum(false);
  };

  return (
    <section className="panel controls" data-testid="round-controls">
      <h2 className="panel__title">{t('console:round.title')}</h2>
      <p className="controls__item">{item.title}</p>
      {(!round || round.status === 'voided') && (
        <>
          {round?.voidReason != null && <p className="panel__hint">{t('console:round.voidedBecause', { reason: round.voidReason })}</p>}
          <label className="field field--inline">
            <span>{t('console:round.countdown')}</span>
            <input type="number" min={0} max={3600} value={seconds} onChange={(e) => setCountdown(e.target.value)} data-testid="countdown-input" />
          </label>
          {askQuorum ? (
            <ConfirmBox
              message={t('console:round.noQuorumConfirm', { present: view.turnout.present, needed: view.turnout.quorumNeeded })}
              yes={t('console:round.confirmStart')}
              tone="danger"
              disabled={busy}
              onYes={() => start(true)}
              onCancel={() => setAskQuorum(false)}
              testId="quorum-confirm"
              yesTestId="confirm-no-quorum"
            />
          ) : (
            <button type="button" className="btn btn--primary btn--big" disabled={busy} onClick={() => start(false)} data-testid="start-round">
              {t('console:round.start')}
            </button>
          )}
        </>
      )}
      {round && (round.status === 'open' || round.status === 'paused') && <Running round={round} offset={offset} busy={busy} run={run} />}
      {round && round.status === 'closed' && (
        <>
          <p className="panel__hint">{t('console:round.decidedHint')}</p>
          {round.revealed ? (
            <p className="pill pill--done" data-testid="revealed">
              {t('console:round.revealed')}
            </p>
          ) : askReveal && round.disclosure ? (
            // A secret result that would show who chose what: the operator confirms first.
            <div className="confirm" role="alertdialog" data-testid="disclosure-confirm">
              <p>{t(`receipts:disclosure.confirm.${round.disclosure.code}`, { cast: round.disclosure.cast })}</p>
              <div className="btn-row">
                <button
                  type="button"
                  className="btn btn--danger"
                  disabled={busy}
                  onClick={() => {
                    setAskReveal(false);
                    run({ type: 'reveal', roundId: round.id });
                  }}
                  data-testid="confirm-reveal"
                >
                  {t('receipts:disclosure.revealAnyway')}
                </button>
                <button type="button" className="btn" onClick={() => setAskReveal(false)} data-testid="cancel-reveal">
                  {t('receipts:disclosure.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="btn btn--primary btn--big"
              disabled={busy}
              onClick={() => (round.disclosure ? setAskReveal(true) : run({ type: 'reveal', roundId: round.id }))}
              data-testid="reveal"
            >
              {t('console:round.reveal')}
            </button>
          )}
        </>
      )}
      {round && round.status !== 'voided' && <VoidForm round={round} busy={busy} run={run} />}
      {error && (
        <p className="panel__error" role="alert" data-testid="controls-error">
          {error}
        </p>
      )}
    </section>
  );
}

type Run = (c: Command) => void;

function Running({ round, offset, busy, run }: { round: ConsoleRoundView; offset: number; busy: boolean; run: Run }) {
  const { t } = useTranslation(['console', 'common']);
  const now = useTick(round.status === 'open');
  const left = secondsLeft(round, now, offset);
  const paused = round.status === 'paused';
  return (
    <>
      <p className="controls__status">
        <span className={`pill ${paused ? 'pill--warn' : 'pill--live'}`} data-testid="round-status">
          {t(`common:round.${round.status}`)}
        </span>
        <span className="controls__left">
          {t('console:round.remaining')} <strong data-testid="console-countdown">{left === null ? '—' : formatSeconds(left)}</strong>
        </span>
      </p>
      <div className="btn-row">
        <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'addTime', roundId: round.id, seconds: 30 })} data-testid="add-time">
          {t('console:round.addTime')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run({ type: paused ? 'resume' : 'pause', roundId: round.id })}
          data-testid={paused ? 'resume' : 'pause'}
        >
          {paused ? t('console:round.resume') : t('console:round.pause')}
        </button>
      </div>
      <button type="button" className="btn btn--primary btn--big" disabled={busy} onClick={() => run({ type: 'close', roundId: round.id })} data-testid="close-round">
        {t('console:round.close')}
      </button>
    </>
  );
}

function VoidForm({ round, busy, run }: { round: ConsoleRoundView; busy: boolean; run: Run }) {
  const { t } = useTranslation('console');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" className="btn btn--link" onClick={() => setOpen(true)} data-testid="void-open">
        {t('round.void')}
      </button>
    );
  }
  return (
    <div className="confirm">
      <label className="field">
        <span>{t('round.voidReason')}</span>
        <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="void-reason" />
      </label>
      <div className="btn-row">
        <button
          type="button"
          className="btn btn--danger"
          disabled={busy || reason.trim() === ''}
          onClick={() => {
            run({ type: 'void', roundId: round.id, reason: reason.trim() });
            setOpen(false);
          }}
          data-testid="void-confirm"
        >
          {t('round.voidConfirm')}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('round.cancel')}
        </button>
      </div>
    </div>
  );
}
