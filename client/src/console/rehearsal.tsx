// 彩排 (SPEC J): start a rehearsal on a prepared meeting, and end it, which returns the meeting
// to its prepared state. Both ask to confirm: starting on the real day would make the day's
// votes practice, and ending clears every round and check-in of the rehearsal.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../shared/protocol.js';
import { errorText } from '../i18n/errors.js';
import { ConfirmBox } from './confirm-box.js';
import type { PanelProps } from './panel.js';
import '../styles/rehearsal.css';

function useRun(send: PanelProps['send']) {
  const { t } = useTranslation(['console', 'common']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (c: Command, done: () => void) => {
    setBusy(true);
    setError(null);
    void send(c).then((r) => {
      setBusy(false);
      if (r.ok) done();
      else setError(errorText(t, r.error));
    });
  };
  return { busy, error, run };
}

/** While rehearsing: the banner across the console, with the end button. */
export function RehearsalBanner({ view, send }: PanelProps) {
  const { t } = useTranslation(['console']);
  const [ask, setAsk] = useState(false);
  const { busy, error, run } = useRun(send);
  if (!view.rehearsal) return null;
  const started = new Date(view.rehearsal.startedAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
  return (
    <section className="rehearsal-banner" role="status" data-testid="rehearsal-banner">
      <span className="rehearsal-banner__mark">{t('console:rehearsal.mark')}</span>
      <span className="rehearsal-banner__text">{t('console:rehearsal.running', { time: started })}</span>
      {ask ? (
        <ConfirmBox
          className="rehearsal-banner__confirm"
          message={t('console:rehearsal.endConfirm', { rounds: view.rounds.length, present: view.turnout.present })}
          yes={t('console:rehearsal.endYes')}
          tone="danger"
          disabled={busy || view.activeRoundId !== null}
          onYes={() => run({ type: 'endRehearsal' }, () => setAsk(false))}
          onCancel={() => setAsk(false)}
          testId="rehearsal-end-confirm"
          yesTestId="rehearsal-end-yes"
        />
      ) : (
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => setAsk(true)} data-testid="rehearsal-end">
          {t('console:rehearsal.end')}
        </button>
      )}
      {view.activeRoundId !== null && ask && <p className="rehearsal-banner__hint">{t('console:rehearsal.closeFirst')}</p>}
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** On a prepared meeting (no round yet, not rehearsing): the start button. */
export function RehearsalPanel({ view, send }: PanelProps) {
  const { t } = useTranslation(['console']);
  const [ask, setAsk] = useState(false);
  const { busy, error, run } = useRun(send);
  if (view.rehearsal || view.rounds.length > 0 || view.archived) return null;
  return (
    <section className="panel rehearsal-panel" data-testid="rehearsal-panel">
      <h2 className="panel__title">{t('console:rehearsal.title')}</h2>
      <p className="panel__hint">{t('console:rehearsal.hint')}</p>
      {ask ? (
        <ConfirmBox
          message={t('console:rehearsal.startConfirm')}
          yes={t('console:rehearsal.startYes')}
          tone="primary"
          disabled={busy}
          onYes={() => run({ type: 'startRehearsal' }, () => setAsk(false))}
          onCancel={() => setAsk(false)}
          testId="rehearsal-start-confirm"
          yesTestId="rehearsal-start-yes"
        />
      ) : (
        <button type="button" className="btn" disabled={busy} onClick={() => setAsk(true)} data-testid="rehearsal-start">
          {t('console:rehearsal.start')}
        </button>
      )}
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
