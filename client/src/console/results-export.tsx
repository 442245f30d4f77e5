// Results out of the console: CSV and XLSX downloads from the server (the session goes in the
// Authorization header, so they are fetched and saved as blobs, not plain links), and the
// one-page printable report.
import { useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { useVotesT } from '../i18n/votes.js';
import type { PanelProps } from './panel.js';
import { ReportSheet } from './report-sheet.js';

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
      {error && <p className="panel__error">{error}</p>}
      {printing && <ReportSheet view={view} onClose={() => setPrinting(false)} />}
    </div>
  );
}
