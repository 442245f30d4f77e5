// The 督办通知书 as an A4 page to print (/supervision?case=…&print=notice): the server's text
// (server/supervision/words.ts, the same its PDF prints) in the 公告's print layout.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeText } from '../../../shared/notice.js';
import { downloadBlob } from '../console/documents-api.js';
import { usePrintScope } from '../console/notice-page.js';
import { noticeUrl, supervisionPath } from './api.js';
import { refusal } from './words.js';
import '../styles/notice-doc.css';

type Printed = Omit<NoticeText, 'kind'> & { to?: string };

export function SupervisionNotice({ session, caseId }: { session: string; caseId: string }) {
  const { t } = useTranslation(['supervision', 'console', 'common']);
  const [notice, setNotice] = useState<Printed | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePrintScope('notice');

  useEffect(() => {
    let live = true;
    void fetch(noticeUrl(caseId, 'json'), { headers: { authorization: `Bearer ${session}` } })
      .then(async (res) => {
        const body = (await res.json()) as { ok: boolean; notice?: Printed; error?: string };
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
      <article className="notice-doc__page" lang="zh-CN">
        <p className="notice-doc__issuer">{notice.issuer}</p>
        <h1 className="notice-doc__title">{notice.title}</h1>
        <p className="notice-doc__number">{notice.number}</p>
        <hr className="notice-doc__rule" />
        {notice.to ? <p className="notice-doc__para notice-doc__to">{notice.to}</p> : null}
        <p className="notice-doc__para">{notice.lead}</p>
        <table className="notice-doc__table">
          <thead>
            <tr>
              {notice.columns.map((c, i) => (
                <th key={c} className={notice.numeric[i] ? 'is-num' : ''}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {notice.rows.map((row) => (
              <tr key={row.join('|')}>
                {row.map((cell, i) => (
                  <td key={i} className={notice.numeric[i] ? 'is-num' : ''}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {notice.statements.map((s) => (
          <p key={s} className="notice-doc__para">
            {s}
          </p>
        ))}
        <p className="notice-doc__para">{notice.closing}</p>
        <div className="notice-doc__sign">
          <span className="notice-doc__seal" aria-hidden="true" />
          <p>{notice.issuer}</p>
          <p>{notice.date}</p>
          <p className="notice-doc__seal-label">{notice.seal}</p>
        </div>
      </article>
    </div>
  );
}
