// The A4 sheet of an official notice: issuer, title and number, the lead, the table, the
// statements, the closing and the seal. The 公告 / 测评结果通报 (notice-page.tsx) and the
// 督办通知书 (supervision/notice-print.tsx) print the same layout from the server's text.
import type { NoticeText } from '../../../shared/notice.js';

/** A notice's text as printed: the 督办通知书 adds the addressee line (`to`). */
export type PrintedNotice = Omit<NoticeText, 'kind'> & { to?: string };

export function NoticeArticle({ notice }: { notice: PrintedNotice }) {
  return (
    <article className="notice-doc__page" lang="zh-CN">
      <p className="notice-doc__issuer">{notice.issuer}</p>
      <h1 className="notice-doc__title">{notice.title}</h1>
      <p className="notice-doc__number">{notice.number}</p>
      <hr className="notice-doc__rule" />
      {notice.to ? <p className="notice-doc__para notice-doc__to">{notice.to}</p> : null}
      <p className="notice-doc__para" data-testid="notice-lead">
        {notice.lead}
      </p>
      <table className="notice-doc__table" data-testid="notice-table">
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
        <p key={s} className="notice-doc__para" data-testid="notice-statement">
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
  );
}
