// Vote control for the current item: start (with countdown; a NO_QUORUM refusal asks the
// operator to confirm and resends with confirmNoQuorum), add time, pause/resume, close,
// reveal and void with a reason. Every button sends one command and shows its refusal; the
// ones that cannot be taken back ask first (round-actions.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../shared/protocol.js';
import { errorText } from '../i18n/errors.js';
import { ConfirmBox } from './confirm-box.js';
import type { PanelProps } from './panel.js';
import { RevealButton, Running, VoidForm } from './round-actions.js';
import { currentItem, defaultCountdown, latestRoundOf } from './rounds.js';

export function RoundControls({ view, send, offset }: PanelProps) {
  const { t } = useTranslation(['console', 'common', 'receipts']);
  const item = currentItem(view);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askQuorum, setAskQuorum] = useState(false);
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
      {round && (round.status === 'open' || round.status === 'paused') && <Running view={view} round={round} offset={offset} busy={busy} run={run} />}
      {round && round.status === 'closed' && (
        <>
          <p className="panel__hint">{t('console:round.decidedHint')}</p>
          {round.revealed ? (
            <p className="pill pill--done" data-testid="revealed">
              {t('console:round.revealed')}
            </p>
          ) : (
            <RevealButton round={round} busy={busy} run={run} />
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
