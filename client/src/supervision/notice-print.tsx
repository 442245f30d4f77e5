// The 督办通知书 as an A4 page to print (/supervision?case=…&print=notice): the server's text
// (server/supervision/words.ts, the same its PDF prints) in the 公告's print layout.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../console/documents-api.js';
import { usePrintScope } from '../console/notice-page.js';
import { noticeUrl, supervisionPath } from './api.js';
import { refusal } from './words.js';
import { NoticeArticle, type PrintedNotice } from '../console/notice-article.js';
import '../styles/notice-doc.css';

export function SupervisionNotice({ session, caseId }: { session: string; caseId: string }) {
  const { t } = useTranslation(['supervision', 'console', 'common']);
  const [notice, setNotice] = useState<PrintedNotice | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePrintScope('notice');

  useEffect(() => {
    let live = true;
    void fetch(noticeUrl(caseId, 'json'), { headers: { authorization: `Bearer ${session}` } })
      .then(async (res) => {
        const body = (await res.json()) as { ok: boolean; notice?: PrintedNotice; error?: string };
        if (!live) return;
        if (body.ok && body.notice) setNotice(body.notice);
        else setError(refusal(t, body.error ?? 'INTERNAL'));
      })
      .catch(() => live && setError(refusal(t, 'NETWORK')));
    return () => {
      live = false;
    };
  }, [session, caseId, t]);

  if (error) return <p className="panel__error">{error}</p>;
  if (!notice) return <p className="panel__hint">{t('loading')}</p>;
  return (
    <div className="notice-doc" data-testid="notice-doc">
      <div className="notice-doc__bar">
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('console:documents.print')}
        </button>
        <button type="button" className="btn" onClick={() => void downloadBlob(session, noticeUrl(caseId, 'pdf'), `${notice.title}${notice.number}.pdf`)}>
          {t('console:documents.pdf')}
        </button>
        <a className="btn btn--ghost" href={supervisionPath(caseId)}>
          {t('console:documents.back')}
        </a>
      </div>
      <NoticeArticle notice={notice} />
    </div>
  );
}
