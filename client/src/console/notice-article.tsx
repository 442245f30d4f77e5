// The A4 sheet of an official notice: issuer, title and number, the lead, the table, the
// statements, the closing and the seal. The 公告 / 测评结果通报 (notice-page.tsx) and the
// 督办通知书 (supervision/notice-print.tsx) print the same layout from the server's text.
import type { NoticeAnnex, NoticeText } from '../../../shared/notice.js';

/** A notice's text as printed: the 督办通知书 adds the addressee line (`to`). */
export type PrintedNotice = Omit<NoticeText, 'kind'> & { to?: string };

/** The rows of one table of the notice: its head and its body, figure columns right-aligned. */
function NoticeTable({ columns, numeric, rows, testId }: { columns: string[]; numeric: boolean[]; rows: string[][]; testId: string }) {
  return (
    <table className="notice-doc__table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c} className={numeric[i] ? 'is-num' : ''}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.join('|')}>
            {row.map((cell, i) => (
              <td key={i} className={numeric[i] ? 'is-num' : ''}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Y20: the audience's figures after the deputies' table, under their own heading. */
function NoticeAnnexPart({ annex }: { annex: NoticeAnnex }) {
  return (
    <section className="notice-doc__annex" data-testid="notice-annex">
      <h2 className="notice-doc__annex-title">{annex.title}</h2>
      <p className="notice-doc__para">{annex.intro}</p>
      {annex.tables.map((t) => (
        <div key={t.heading}>
          <p className="notice-doc__annex-head">{t.heading}</p>
          <NoticeTable columns={t.columns} numeric={t.numeric} rows={t.rows} testId="notice-annex-table" />
        </div>
      ))}
      {annex.rule ? <p className="notice-doc__para">{annex.rule}</p> : null}
    </section>
  );
}

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
      <NoticeTable columns={notice.columns} numeric={notice.numeric} rows={notice.rows} testId="notice-table" />
      {notice.statements.map((s) => (
        <p key={s} className="notice-doc__para" data-testid="notice-statement">
          {s}
        </p>
      ))}
      {notice.annex ? <NoticeAnnexPart annex={notice.annex} /> : null}
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
