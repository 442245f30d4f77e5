// 网络评议 and 现场观众 on the console (SPEC Y1): open a poll on a rating item (the one on air by
// default) with a countdown and, if wanted, a rating code; close it; see each poll's code and
// how many took part, and the public page's link. Commands go the normal path (journaled).
import { useState } from 'react';
import type { AudienceGroup } from '../../../shared/audience-state.js';
import type { Command } from '../../../shared/protocol.js';
import { errorText } from '../i18n/errors.js';
import { useLiveT } from '../i18n/live.js';
import { LinkQr } from './link-qr.js';
import type { PanelProps } from './panel.js';

export function AudiencePanel({ view, send }: PanelProps) {
  const { t } = useLiveT();
  const ratings = view.agenda.filter((i) => i.kind === 'rating');
  const onAir = view.agenda.find((i) => i.id === view.currentItemId);
  const fallback = onAir?.kind === 'rating' ? onAir.id : onAir?.kind === 'segment' ? (onAir.ratingItemId ?? ratings[0]?.id) : ratings[0]?.id;
  const [picked, setPicked] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(60);
  const [withCode, setWithCode] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = view.audience;
  const itemId = picked ?? fallback ?? '';
  const run = (c: Command) => {
    setBusy(true);
    setError(null);
    void send(c).then((r) => {
      setBusy(false);
      if (!r.ok) setError(errorText(t, r.error));
    });
  };
  const open = (group: AudienceGroup) => run({ type: 'audienceOpen', itemId, group, seconds, withCode });
  const title = (id: string) => view.agenda.find((i) => i.id === id)?.title ?? id;
  return (
    <section className="panel" data-testid="audience-panel">
      <h2 className="panel__title">{t('live:console.title')}</h2>
      {a?.paused && <p className="panel__error" role="alert">{t('live:console.paused')}</p>}
      {ratings.length === 0 ? (
        <p>{t('live:console.none')}</p>
      ) : (
        <div className="panel__row">
          <label>
            {t('live:console.item')}{' '}
            <select value={itemId} onChange={(e) => setPicked(e.target.value)} data-testid="audience-item">
              {ratings.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('live:console.seconds')}{' '}
            <input type="number" min={0} max={3600} value={seconds} onChange={(e) => setSeconds(Math.max(0, Math.min(3600, Number(e.target.value) || 0)))} data-testid="audience-seconds" style={{ width: '6em' }} />
          </label>
          <label>
            <input type="checkbox" checked={withCode} onChange={(e) => setWithCode(e.target.checked)} data-testid="audience-with-code" /> {t('live:console.withCode')}
          </label>
          <button type="button" className="btn btn--primary" disabled={busy || !itemId} onClick={() => open('online')} data-testid="audience-open-online">
            {t('live:console.openOnline')}
          </button>
          <button type="button" className="btn" disabled={busy || !itemId} onClick={() => open('onsite')} data-testid="audience-open-onsite">
            {t('live:console.openOnsite')}
          </button>
        </div>
      )}
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
      <ul className="panel__list">
        {(a?.polls ?? []).map((p) => (
          <li key={p.id} data-testid={`audience-poll-${p.group}`}>
            <b>{t(`live:console.${p.group}`)}</b> · {title(p.itemId)} · {t(`live:console.${p.status}`)}
            {p.code && <> · {t('live:console.code', { code: p.code })}</>}
            {p.n !== null && <> · {t('live:console.n', { n: p.n })}</>}
            {p.status === 'open' && (
              <button type="button" className="btn btn--danger" disabled={busy} onClick={() => run({ type: 'audienceClose', pollId: p.id })} data-testid={`audience-close-${p.group}`}>
                {t('live:console.close')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {a?.link && (
        <p className="panel__row">
          <LinkQr url={a.link.url} size={96} />
          <span>
            {t('live:console.link')}: <a href={a.link.url} target="_blank" rel="noreferrer" data-testid="audience-link">{a.link.url}</a>
          </span>
        </p>
      )}
    </section>
  );
}
