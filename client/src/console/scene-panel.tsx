// The big screen from the console: a preview of what airs now and of the cued next scene,
// a button per scene to cut to it or cue it, take (cut to the cued scene), a message line,
// and the switch and addresses of the live data feed and the TV overlay.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCENE_KINDS, SCENE_TRANSITIONS, type Scene, type SceneKind, type SceneTransition } from '../../../shared/scene.js';
import type { Command } from '../../../shared/protocol.js';
import { errorText } from '../i18n/errors.js';
import { ScenePreview } from './scene-preview.js';
import type { PanelProps } from './panel.js';
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
  // The 公告 never goes on air empty by accident: without an adopted list that the screen may
  // show, the first press only warns; a second press of the same button goes ahead.
  const [armed, setArmed] = useState<string | null>(null);
  const noticeEmpty = () => {
    const r = live.outcome ?? live.result;
    return !(live.item?.kind === 'projects' && r?.kind === 'projects' && r.adopted.length > 0);
  };
  const act = (kind: SceneKind, type: 'setScene' | 'cueScene') => {
    const scene = sceneOf(kind);
    if (!scene) return;
    if (kind === 'notice' && noticeEmpty() && armed !== `${kind}/${type}`) {
      setArmed(`${kind}/${type}`);
      setError(t('scenes:panel.noticeEmpty'));
      return;
    }
    setArmed(null);
    run({ type, scene });
  };
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
      <div className="scene-panel__take">
        <button type="button" className="btn btn--primary" disabled={!next} onClick={() => run({ type: 'take' })} data-testid="scene-take">
          {t('scenes:panel.take')}
        </button>
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
            <button type="button" className="btn btn--small btn--ghost" onClick={() => act(kind, 'cueScene')} data-testid={`scene-cue-${kind}`}>
              {t('scenes:panel.cue')}
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
