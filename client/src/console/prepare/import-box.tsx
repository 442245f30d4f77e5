// One import: template links, a file chooser, then the server's preview: how many rows are
// good, every bad row with its reason, the columns ignored. Nothing is stored until the file
// is clean, or the user chooses to import the good rows only. A roster is imported on the
// server (commit); projects and subjects go into the agenda draft (`onRows`), saved with it.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prepareError, reportOf, templateUrl, uploadTable, type ImportKind, type ImportReport, type Issue } from './prepare-api.js';

interface Props {
  kind: ImportKind;
  meetingId: string;
  session: string;
  /** Items: take the rows into the draft instead of importing on the server. */
  onRows?: (rows: ImportReport['rows']) => void;
  /** Roster: called after a successful import. */
  onImported?: () => void;
  disabled?: boolean;
}

type State =
  | { s: 'idle' }
  | { s: 'busy' }
  | { s: 'preview'; file: File; report: ImportReport }
  | { s: 'done'; n: number }
  | { s: 'failed'; error: string; report: ImportReport | null };

export function ImportBox({ kind, meetingId, session, onRows, onImported, disabled }: Props) {
  const { t } = useTranslation(['prepare', 'common']);
  const [state, setState] = useState<State>({ s: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const choose = (file: File | undefined) => {
    if (!file) return;
    setState({ s: 'busy' });
    void uploadTable(session, meetingId, kind, file).then((r) =>
      setState(r.ok ? { s: 'preview', file, report: r.value } : { s: 'failed', error: prepareError(t, r.error), report: reportOf(r) }),
    );
  };
  const commit = (file: File, report: ImportReport, goodRowsOnly: boolean) => {
    if (onRows) {
      onRows(report.rows);
      setState({ s: 'done', n: report.rows.length });
      return;
    }
    setState({ s: 'busy' });
    void uploadTable(session, meetingId, kind, file, { commit: true, goodRowsOnly }).then((r) => {
      if (r.ok) {
        setState({ s: 'done', n: r.value.rows.length });
        onImported?.();
      } else setState({ s: 'failed', error: prepareError(t, r.error), report: reportOf(r) });
    });
    if (input.current) input.current.value = '';
  };

  const hint = `${kind}Hint`;
  return (
    <div className="import" data-testid={`import-${kind}`}>
      <p className="panel__hint">{t(`prepare:import.${hint}`)}</p>
      <div className="import__row">
        <label className={`btn btn--primary import__choose ${disabled ? 'is-disabled' : ''}`}>
          {t('prepare:import.chooseFile')}
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={disabled}
            onChange={(e) => choose(e.target.files?.[0])}
            data-testid={`import-file-${kind}`}
          />
        </label>
        <span className="import__templates">
          {t('prepare:import.template')}:{' '}
          <a href={templateUrl(kind, 'xlsx')} download>
            Excel
          </a>{' '}
          ·{' '}
          <a href={templateUrl(kind, 'csv')} download>
            CSV
          </a>
        </span>
      </div>
      {state.s === 'busy' && <p className="panel__hint">{t('prepare:import.checking')}</p>}
      {state.s === 'done' && (
        <p className="import__done" data-testid="import-done">
          {t('prepare:import.done', { n: state.n })}
        </p>
      )}
      {state.s === 'failed' && (
        <>
          <p className="panel__error">{state.error}</p>
          {state.report && <Issues issues={state.report.errors} />}
        </>
      )}
      {state.s === 'preview' && <Preview kind={kind} report={state.report} items={onRows !== undefined} onCommit={(good) => commit(state.file, state.report, good)} />}
    </div>
  );
}

function Preview({ kind, report, items, onCommit }: { kind: ImportKind; report: ImportReport; items: boolean; onCommit: (goodRowsOnly: boolean) => void }) {
  const { t } = useTranslation(['prepare']);
  const good = report.rows.length;
  const fileProblem = report.errors.some((e) => e.row === 0);
  const clean = report.errors.length === 0;
  return (
    <div className="import__preview" data-testid="import-preview">
      <p className={clean ? 'import__clean' : 'import__summary'} data-testid="import-summary">
        {clean ? t('prepare:import.clean', { good }) : fileProblem ? t('prepare:import.fileProblem') : t('prepare:import.summary', { good, bad: report.errors.length })}
      </p>
      {report.ignoredColumns.length > 0 && <p className="panel__hint">{t('prepare:import.ignored', { columns: report.ignoredColumns.join('、') })}</p>}
      {!clean && <Issues issues={report.errors} />}
      {good > 0 && <RowsPreview kind={kind} rows={report.rows} />}
      <div className="import__row">
        {clean && (
          <button type="button" className="btn btn--primary" onClick={() => onCommit(false)} data-testid="import-commit">
            {t(items ? `prepare:import.useAll.${kind}` : 'prepare:import.importAll')}
          </button>
        )}
        {!clean && !fileProblem && good > 0 && (
          <button type="button" className="btn" onClick={() => onCommit(true)} data-testid="import-good-rows">
            {t(items ? 'prepare:import.useGood' : 'prepare:import.importGood', { good })}
          </button>
        )}
      </div>
    </div>
  );
}

/** The rows as they will be stored, first PREVIEW_ROWS of them: what "no errors" means, seen. */
const PREVIEW_ROWS = 8;
// Suggestions name deputies by roster id (lead, joined): the preview shows their names instead.
const HIDDEN_FIELDS = new Set(['id', 'lead', 'joined']);

function RowsPreview({ kind, rows }: { kind: ImportKind; rows: ImportReport['rows'] }) {
  const { t } = useTranslation(['prepare']);
  const shown = rows.slice(0, PREVIEW_ROWS);
  const fields = [...new Set(shown.flatMap((r) => Object.keys(r)))].filter((f) => !HIDDEN_FIELDS.has(f));
  const cell = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('、') : '');
  // A suggestion's `person` is its lead deputy (领衔代表), not a department's head.
  const label = (f: string) => t(`prepare:import.fields.${kind === 'suggestions' && f === 'person' ? 'lead' : f}`, { defaultValue: f });
  return (
    <div className="import__rows">
      <p className="panel__hint">{t('prepare:import.preview', { n: shown.length, total: rows.length })}</p>
      <table className="import__issues" data-testid="import-rows">
        <thead>
          <tr>
            <th>#</th>
            {fields.map((f) => (
              <th key={f}>{label(f)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {fields.map((f) => (
                <td key={f}>{cell(r[f])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Issues({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation(['prepare']);
  return (
    <table className="import__issues" data-testid="import-issues">
      <thead>
        <tr>
          <th>{t('prepare:import.row')}</th>
          <th>{t('prepare:import.column')}</th>
          <th>{t('prepare:import.problem')}</th>
          <th>{t('prepare:import.value')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((e, i) => (
          <tr key={`${e.row}-${i}`}>
            <td>{e.row === 0 ? t('prepare:import.fileRow') : e.row}</td>
            <td>{e.column ?? ''}</td>
            <td>{t(`prepare:import.reasons.${e.reason}`, { value: e.value ?? '', duplicateOf: e.duplicateOf ?? '' })}</td>
            <td className="import__value">{e.row === 0 ? '' : (e.value ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
