// The 公告 / 测评结果通报 as an A4 page to print (/console?meeting=…&print=notice&item=…). The
// wording comes from the server (server/documents/words.ts), the same text its PDF prints; this
// page only lays it out, with its own print stylesheet (styles/notice-doc.css, scoped by a class
// on <html> while the page is open, so no other page's print rules apply or leak).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors.js';
import type { NoticeText } from '../../../shared/notice.js';
import { downloadBlob, noticeUrl } from './documents-api.js';
import { NoticeArticle } from './notice-article.js';
import '../styles/notice-doc.css';


/** Marks the document as what prints: the scoped print rules key on this class. */
export function usePrintScope(name: string): void {
  useEffect(() => {
    const cls = `print-${name}`;
    document.documentElement.classList.add(cls);
    return () => document.documentElement.classList.remove(cls);
  }, [name]);
}

export function NoticePage({ session, meetingId, itemId }: { session: string; meetingId: string; itemId: string }) {
  const { t } = useTranslation(['console', 'common']);
  const [notice, setNotice] = useState<NoticeText | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePrintScope('notice');

  useEffect(() => {
    let live = true;
    void fetch(noticeUrl(meetingId, itemId, 'json'), { headers: { authorization: `Bearer ${session}` } })
      .then(async (res) => {
        const body = (await res.json()) as { ok: boolean; notice?: NoticeText; error?: string };
        if (!live) return;
        if (body.ok && body.notice) setNotice(body.notice);
        else setError(errorText(t, body.error ?? 'INTERNAL'));
      })
      .catch(() => live && setError(errorText(t, 'NETWORK')));
    return () => {
      live = false;
    };
  }, [session, meetingId, itemId, t]);

  if (error) return <p className="panel__error">{error}</p>;
  if (!notice) return <p className="panel__hint">{t('console:documents.loading')}</p>;
  return (
    <div className="notice-doc" data-testid="notice-doc">
      <div className="notice-doc__bar">
        <button type="button" className="btn btn--primary" onClick={() => window.print()} data-testid="notice-print">
          {t('console:documents.print')}
        </button>
        <button type="button" className="btn" onClick={() => void downloadBlob(session, noticeUrl(meetingId, itemId, 'pdf'), `${notice.title}${notice.number}.pdf`)} data-testid="notice-pdf">
          {t('console:documents.pdf')}
        </button>
        <a className="btn btn--ghost" href={`/console?meeting=${encodeURIComponent(meetingId)}`}>
          {t('console:documents.back')}
        </a>
      </div>
      <NoticeArticle notice={notice} />
    </div>
  );
}
