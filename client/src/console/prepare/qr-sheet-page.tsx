// The printable QR sheet as an HTML page (/console?meeting=…&print=qr): A4 pages of 12 cards,
// name, 代表团, seat and the QR code of the personal link, with dashed lines to cut along.
// The codes are SVG made by the server's qrcode package; nothing is fetched from elsewhere.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrintScope } from '../notice-page.js';
import { prepareError, qrSheet, type QrCardData } from './prepare-api.js';
import '../../styles/qr-sheet.css';

const PER_PAGE = 12;

type Sheet = { title: string; date: string; cards: QrCardData[] };

export function QrSheetPage({ session, meetingId, deputies }: { session: string; meetingId: string; deputies: string[] }) {
  const { t } = useTranslation(['prepare', 'common']);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = deputies.join(',');
  usePrintScope('qr');

  useEffect(() => {
    let live = true;
    void qrSheet(session, meetingId, key === '' ? [] : key.split(',')).then((r) => {
      if (!live) return;
      if (r.ok) setSheet({ title: r.value.meeting.title, date: r.value.meeting.date, cards: r.value.cards });
      else setError(prepareError(t, r.error));
    });
    return () => {
      live = false;
    };
  }, [session, meetingId, key, t]);

  if (error) return <p className="panel__error">{error}</p>;
  if (!sheet) return <p className="panel__hint">{t('prepare:qr.loading')}</p>;
  const pages = Array.from({ length: Math.max(1, Math.ceil(sheet.cards.length / PER_PAGE)) }, (_, i) => sheet.cards.slice(i * PER_PAGE, (i + 1) * PER_PAGE));
  return (
    <div className="qr-sheet" data-testid="qr-sheet">
      <div className="qr-sheet__bar">
        <strong>{t('prepare:qr.title')}</strong>
        <span>{t('prepare:qr.count', { n: sheet.cards.length })}</span>
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('prepare:qr.print')}
        </button>
        <a className="btn" href={`/console?meeting=${encodeURIComponent(meetingId)}&tab=prepare`}>
          {t('prepare:qr.back')}
        </a>
      </div>
      {pages.map((cards, p) => (
        <section className="qr-page" key={p} data-testid="qr-page">
          <header className="qr-page__head">
            <span className="qr-page__title">{sheet.title}</span>
            <span className="qr-page__no">
              {sheet.date} · {p + 1} / {pages.length}
            </span>
          </header>
          <div className="qr-page__grid">
            {cards.map((c) => (
              <article className="qr-card" key={c.deputyId} data-testid="qr-card">
                <div className="qr-card__name">{c.name}</div>
                <div className="qr-card__meta">
                  {c.group}
                  {c.seat !== '' && (
                    <>
                      {'　'}
                      {t('prepare:qr.seat')} {c.seat}
                    </>
                  )}
                </div>
                <img className="qr-card__code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.svg)}`} alt={c.url} />
                <div className="qr-card__hint">{t('prepare:qr.hint')}</div>
                <div className="qr-card__url">{c.url}</div>
              </article>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
