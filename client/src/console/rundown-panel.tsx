// 问政流程: the questioning run like a TV director's rundown. The current segment, question and
// phase; one big button for the next step (evidence, question timer, answer timer, rating);
// every step of the segment one click away; the speaking clock with its buttons; the log.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentItem } from '../../../shared/model.js';
import type { Command } from '../../../shared/protocol.js';
import { nextStep } from '../../../shared/rundown-decide.js';
import { errorText } from '../i18n/errors.js';
import { ConfirmBox } from './confirm-box.js';
import { EvidenceControls } from './evidence-controls.js';
import { RundownSteps, type Step } from './rundown-steps.js';
import { RundownTimer } from './rundown-timer.js';
import { SegmentLogList } from './segment-log.js';
import type { PanelProps } from './panel.js';
import { SHORTCUTS, useShortcuts } from './shortcuts.js';
import '../styles/segments.css';
import '../styles/rundown.css';

export function RundownPanel({ view, send, offset }: PanelProps) {
  const { t } = useTranslation(['segments', 'console']);
  const segments = view.agenda.filter((it): it is SegmentItem => it.kind === 'segment');
  const onAir = view.rundown?.segment ?? null;
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askQuorum, setAskQuorum] = useState<Step | null>(null);
  // Filled in below once the segment is known (hooks come before the early returns).
  const keys: Record<string, (() => void) | undefined> = {};
  useShortcuts(keys);

  if (segments.length === 0) return null;
  const item = segments.find((s) => s.id === (picked ?? onAir?.item.id)) ?? segments[0];
  if (!item) return null;
  const cur = onAir && onAir.item.id === item.id ? { questionIndex: onAir.questionIndex, phase: onAir.phase } : null;
  const hasRating = item.ratingItemId !== undefined && view.agenda.some((it) => it.id === item.ratingItemId && it.kind === 'rating');
  const next = nextStep(item, cur, hasRating);

  const run = (c: Command, step?: Step) => {
    setBusy(true);
    setError(null);
    void send(c).then((r) => {
      setBusy(false);
      if (r.ok) return setAskQuorum(null);
      if (r.error === 'NO_QUORUM' && step) return setAskQuorum(step);
      setError(errorText(t, r.error));
    });
  };
  const go = (s: Step, confirmNoQuorum = false) =>
    run({ type: 'segmentGo', itemId: item.id, questionIndex: s.questionIndex, phase: s.phase, ...(confirmNoQuorum ? { confirmNoQuorum: true } : {}) }, s);
  // N: the next step (as the big button); S: start or stop the speaking timer that is on.
  const timer = onAir?.item.id === item.id ? onAir.timer : null;
  keys[SHORTCUTS.next] = next && !busy ? () => go(next) : undefined;
  keys[SHORTCUTS.timer] = timer && !busy ? () => run({ type: timer.status === 'running' ? 'timerPause' : 'timerResume', timerId: timer.id }) : undefined;
  const stepText = (s: Step) => t('console.step', { n: s.questionIndex + 1, phase: t(`phase.${s.phase}`) });

  return (
    <section className="panel rundown" data-testid="rundown-panel">
      <h2 className="panel__title">{t('console.title')}</h2>
      {segments.length > 1 && (
        <div className="btn-row" role="tablist" aria-label={t('console.pick')}>
          {segments.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={s.id === item.id}
              className={`btn btn--small ${s.id === item.id ? 'btn--primary' : ''}`}
              onClick={() => setPicked(s.id)}
              data-testid={`rundown-pick-${s.id}`}
            >
              {s.department}
              {onAir?.item.id === s.id && ` · ${t('console.onAir')}`}
            </button>
          ))}
        </div>
      )}
      <p className="rundown__head">
        <strong>{item.department}</strong> {item.person.name} {item.person.title}
      </p>
      <p className="rundown__now" data-testid="rundown-now">
        {cur ? `${t('console.onAir')}：${stepText(cur)}` : t('console.notStarted')}
      </p>
      {next ? (
        <button type="button" className="btn btn--primary btn--big rundown__next" disabled={busy} onClick={() => go(next)} aria-keyshortcuts={SHORTCUTS.next.toUpperCase()} data-testid="rundown-next">
          {t(`console.go.${next.phase}`)} <span className="rundown__next-step">{stepText(next)}</span> <kbd>{SHORTCUTS.next.toUpperCase()}</kbd>
        </button>
      ) : (
        <p className="pill pill--done">{t('console.end')}</p>
      )}
      {askQuorum && (
        <ConfirmBox
          message={t('console:round.noQuorumConfirm', { present: view.turnout.present, needed: view.turnout.quorumNeeded })}
          yes={t('console.confirmNoQuorum')}
          tone="danger"
          disabled={busy}
          onYes={() => go(askQuorum, true)}
          onCancel={() => setAskQuorum(null)}
          testId="rundown-quorum"
          yesTestId="rundown-confirm-quorum"
        />
      )}
      {error && (
        <p className="panel__error" role="alert" data-testid="rundown-error">
          {error}
        </p>
      )}
      {onAir && onAir.item.id === item.id && <EvidenceControls seg={onAir} offset={offset} busy={busy} run={run} />}
      <RundownTimer timer={timer} offset={offset} busy={busy} run={run} />
      <RundownSteps item={item} cur={cur} hasRating={hasRating} busy={busy} go={go} />
      <SegmentLogList log={view.rundown?.log.find((l) => l.itemId === item.id) ?? null} />
    </section>
  );
}
