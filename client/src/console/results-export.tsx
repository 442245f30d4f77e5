// Results out of the console: CSV and XLSX downloads from the server (the session goes in the
// Authorization header, so they are fetched and saved as blobs, not plain links), and the
// one-page printable report.
import { useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { useVotesT } from '../i18n/votes.js';
import type { PanelProps } from './panel.js';
import { ReportSheet } from './report-sheet.js';
import { downloadBlob, noticePagePath, noticeUrl } from './documents-api.js';

async function download(session: string, meetingId: string, ext: 'csv' | 'xlsx'): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/results.${ext}`, { headers: { authorization: `Bearer ${session}` } });
  } catch {
    return 'NETWORK';
  }
  if (!res.ok) return res.status === 401 ? 'UNAUTHORIZED' : res.status === 404 ? 'NOT_FOUND' : 'INTERNAL';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${meetingId}-results.${ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

export function ResultsExport({ view, session }: PanelProps) {
  const { t } = useVotesT();
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const get = async (ext: 'csv' | 'xlsx') => {
    const e = await download(session, view.meeting.id, ext);
    setError(e === null ? null : t('votes:console.exportFailed', { message: errorText(t, e) }));
  };
  // A notice for every projects or rating item whose outcome is closed (N4).
  const documents = view.agenda.flatMap((item) => {
    if (item.kind !== 'projects' && item.kind !== 'rating') return [];
    const o = view.outcomes?.find((x) => x.itemId === item.id);
    const last = view.rounds.find((r) => r.id === o?.roundIds[o.roundIds.length - 1]);
    if (!o?.result || (last && last.status !== 'closed')) return [];
    return [{ item, label: item.kind === 'projects' ? t('console:documents.notice') : t('console:documents.ratingNotice') }];
  });
  const pdf = async (itemId: string, label: string) => {
    const e = await downloadBlob(session, noticeUrl(view.meeting.id, itemId, 'pdf'), `${view.meeting.id}-${label}.pdf`);
    setError(e === null ? null : t('votes:console.exportFailed', { message: errorText(t, e) }));
  };
  return (
    <div className="results-export" data-testid="results-export">
      <span className="results-export__label">{t('votes:console.exports')}</span>
      <button type="button" className="btn btn--ghost" data-testid="export-csv" onClick={() => void get('csv')}>
        {t('votes:console.csv')}
      </button>
      <button type="button" className="btn btn--ghost" data-testid="export-xlsx" onClick={() => void get('xlsx')}>
        {t('votes:console.xlsx')}
      </button>
      <button type="button" className="btn btn--ghost" data-testid="print-report" onClick={() => setPrinting(true)}>
        {t('votes:console.print')}
      </button>
      {documents.map(({ item, label }) => (
        <span key={item.id} className="results-export__doc" data-testid={`documents-${item.id}`}>
          <a className="btn btn--ghost" href={noticePagePath(view.meeting.id, item.id)} target="_blank" rel="noopener" data-testid={`notice-page-${item.id}`}>
            {label} · {item.title}
          </a>
          <button type="button" className="btn btn--ghost" data-testid={`notice-pdf-${item.id}`} onClick={() => void pdf(item.id, label)}>
            {t('console:documents.pdf')}
          </button>
        </span>
      ))}
      {error && <p className="panel__error">{error}</p>}
      {printing && <ReportSheet view={view} onClose={() => setPrinting(false)} />}
    </div>
  );
}
