// The big screen from the console: a preview of what airs now and of the cued next scene,
// a button per scene to cut to it or cue it, take (cut to the cued scene), a message line,
// and the switch and addresses of the live data feed and the TV overlay.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCENE_KINDS, SCENE_TRANSITIONS, type Scene, type SceneKind, type SceneTransition } from '../../../shared/scene.js';
import { sceneGap } from '../../../shared/scene-gaps.js';
import type { Command } from '../../../shared/protocol.js';
import { errorText } from '../i18n/errors.js';
import { ConfirmBox } from './confirm-box.js';
import { ScenePreview } from './scene-preview.js';
import type { PanelProps } from './panel.js';
import { cueKey, SHORTCUTS, useShortcuts } from './shortcuts.js';
import '../styles/screen.css';
import '../styles/scenes.css';
import '../styles/scene-figures.css';
import '../styles/scene-tables.css';
import '../styles/scene-panel.css';

const PREVIEW_W = 400;

export function ScenePanel({ view, send, offset }: PanelProps) {
  const { t } = useTranslation(['scenes', 'common']);
  const [message, setMessage] = useState('');
  // How the next cut or cue goes to air (B14); the dissolve is the default and is not sent.
  const [transition, setTransition] = useState<SceneTransition>('dissolve');
  const [error, setError] = useState<string | null>(null);
  const { live, next } = view.preview;

  const run = (c: Command) => {
    setError(null);
    void send(c).then((r) => {
      if (!r.ok) setError(errorText(t, r.error));
    });
  };
  const sceneOf = (kind: SceneKind): Scene | null => {
    const how = transition === 'dissolve' ? {} : { transition };
    if (kind !== 'message') return { kind, ...how };
    const text = message.trim();
    if (!text) {
      setError(t('scenes:panel.needsText'));
      return null;
    }
    return { kind, text, ...how };
  };
  // [C4] A scene with nothing to show never goes on air by accident: the first press of a cut or
  // cue only says what is missing; a second press of the same button goes ahead. A cued scene
  // with nothing to show keeps its warning, and take asks first.
  const [armed, setArmed] = useState<string | null>(null);
  const [askTake, setAskTake] = useState(false);
  // The live view with another scene put in: what a cut would air (the named list travels only
  // in the named scene's own view, so it is left out here and checked on the cued view).
  const gapOf = (kind: SceneKind) => sceneGap({ ...live, scene: { kind }, named: undefined });
  const act = (kind: SceneKind, type: 'setScene' | 'cueScene') => {
    const scene = sceneOf(kind);
    if (!scene) return;
    const gap = gapOf(kind);
    if (gap !== null && armed !== `${kind}/${type}`) {
      setArmed(`${kind}/${type}`);
      setError(t('scenes:panel.gapPressAgain', { what: t(`scenes:panel.gaps.${gap}`) }));
      return;
    }
    setArmed(null);
    run({ type, scene });
  };
  const nextGap = next ? sceneGap(next) : null;
  const take = () => {
    setAskTake(false);
    run({ type: 'take' });
  };
  const pressTake = () => (nextGap !== null ? setAskTake(true) : take());
  // T takes (asking first, as the button does); 1–9, 0, - cue the scenes in the buttons' order.
  useShortcuts({
    [SHORTCUTS.take]: () => next && pressTake(),
    ...Object.fromEntries(SCENE_KINDS.map((k) => [cueKey(k) ?? '', () => act(k, 'cueScene')])),
  });
  const feedUrl = (ext: string) => `${window.location.origin}/api/feed/${encodeURIComponent(view.meeting.id)}.${ext}`;

  return (
    <section className="panel scene-panel" data-testid="scene-panel">
      <h2 className="panel__title">{t('scenes:panel.title')}</h2>
      <div className="scene-panel__previews">
        <figure className="scene-panel__preview is-live">
          <figcaption>
            {t('scenes:panel.live')} · {t(`scenes:kinds.${live.scene.kind}`)}
          </figcaption>
          <ScenePreview view={live} offset={offset} width={PREVIEW_W} testId="preview-live" />
        </figure>
        <figure className="scene-panel__preview">
          <figcaption>
            {t('scenes:panel.next')} · {next ? t(`scenes:kinds.${next.scene.kind}`) : t('scenes:panel.nothingCued')}
          </figcaption>
          {next ? <ScenePreview view={next} offset={offset} width={PREVIEW_W} testId="preview-next" /> : <div className="scene-preview scene-preview--empty" style={{ width: PREVIEW_W, height: (PREVIEW_W * 9) / 16 }} />}
        </figure>
      </div>
      {nextGap !== null && (
        <p className="scene-panel__gap" role="status" data-testid="cue-warning">
          {t('scenes:panel.gapCued', { what: t(`scenes:panel.gaps.${nextGap}`) })}
        </p>
      )}
      <div className="scene-panel__take">
        {askTake && nextGap !== null ? (
          <ConfirmBox
            message={t('scenes:panel.gapTakeConfirm', { what: t(`scenes:panel.gaps.${nextGap}`) })}
            yes={t('scenes:panel.takeAnyway')}
            tone="danger"
            disabled={false}
            onYes={take}
            onCancel={() => setAskTake(false)}
            testId="take-confirm"
            yesTestId="confirm-take"
          />
        ) : (
          <button type="button" className="btn btn--primary" disabled={!next} onClick={pressTake} aria-keyshortcuts={SHORTCUTS.take.toUpperCase()} data-testid="scene-take">
            {t('scenes:panel.take')} <kbd>{SHORTCUTS.take.toUpperCase()}</kbd>
          </button>
        )}
        {next && (
          <button type="button" className="btn btn--ghost" onClick={() => run({ type: 'cueScene', scene: null })} data-testid="scene-clear-cue">
            {t('scenes:panel.clearCue')}
          </button>
        )}
      </div>
      <input
        className="scene-panel__message"
        value={message}
        maxLength={200}
        placeholder={t('scenes:panel.messagePlaceholder')}
        onChange={(e) => setMessage(e.target.value)}
        data-testid="scene-message-input"
      />
      <label className="scene-panel__transition">
        {t('scenes:panel.transition')}
        <select value={transition} onChange={(e) => setTransition(SCENE_TRANSITIONS.find((x) => x === e.target.value) ?? 'dissolve')} data-testid="scene-transition">
          {SCENE_TRANSITIONS.map((x) => (
            <option key={x} value={x}>
              {t(`scenes:panel.transitions.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <ul className="scene-panel__kinds">
        {SCENE_KINDS.map((kind) => (
          <li key={kind} className={live.scene.kind === kind ? 'is-live' : ''}>
            <span className="scene-panel__kind">{t(`scenes:kinds.${kind}`)}</span>
            <button type="button" className="btn btn--small" onClick={() => act(kind, 'setScene')} data-testid={`scene-cut-${kind}`}>
              {t('scenes:panel.cut')}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => act(kind, 'cueScene')} aria-keyshortcuts={cueKey(kind)} data-testid={`scene-cue-${kind}`}>
              {t('scenes:panel.cue')} <kbd>{cueKey(kind)}</kbd>
            </button>
          </li>
        ))}
      </ul>
      <div className="scene-panel__feed">
        <span>
          {t('scenes:panel.feed')}: <strong data-testid="feed-state">{view.feedEnabled ? t('scenes:panel.feedOn') : t('scenes:panel.feedOff')}</strong>
        </span>
        <button type="button" className="btn btn--small" onClick={() => run({ type: 'setFeed', enabled: !view.feedEnabled })} data-testid="feed-toggle">
          {view.feedEnabled ? t('scenes:panel.feedDisable') : t('scenes:panel.feedEnable')}
        </button>
        <code>{feedUrl('json')}</code>
        <code>{feedUrl('csv')}</code>
        <span>
          {t('scenes:panel.overlay')}: <code>{`${window.location.origin}/overlay?meeting=${encodeURIComponent(view.meeting.id)}`}</code>
        </span>
      </div>
      {error && (
        <p className="panel__error" role="alert" data-testid="scene-error">
          {error}
        </p>
      )}
    </section>
  );
}
