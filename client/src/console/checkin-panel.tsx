// 签到 on the day: 应到 / 实到 / 未到 with the line the chair reads out, who has not checked
// in (staff check-in for a deputy without a phone, undo), refused second devices and link
// reissue, and for the open vote who has not voted (named) or only counts (secret).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors.js';
import type { PanelProps } from './panel.js';
import { ReissueBar, type ReissueTarget } from './prepare/reissue.js';
import '../styles/checkin.css';
import { askedOf, presentAsked } from './asked.js';

type Row = PanelProps['view']['roster'][number];

export function CheckinPanel({ view, send, session }: PanelProps) {
  const { t } = useTranslation(['prepare', 'common', 'console']);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reissue, setReissue] = useState<ReissueTarget | null>(null);
  const { turnout, roster } = view;
  const byId = useMemo(() => new Map(roster.map((d) => [d.id, d])), [roster]);

  const f = filter.trim().toLowerCase();
  const match = (d: Row) => f === '' || `${d.name} ${d.group} ${d.seat}`.toLowerCase().includes(f);
  const absent = roster.filter((d) => !d.present && match(d));
  const present = roster.filter((d) => d.present && match(d));

  const act = (type: 'checkIn' | 'undoCheckIn', deputyId: string) => {
    setError(null);
    void send({ type, deputyId }).then((r) => {
      if (!r.ok) setError(errorText(t, r.error));
    });
  };
  const announce = t(turnout.quorum ? 'prepare:checkin.announceMet' : 'prepare:checkin.announceNotMet', {
    roster: turnout.roster,
    present: turnout.present,
    needed: turnout.quorumNeeded,
  });
  const rule = t(view.meeting.settings.quorum === 'half' ? 'prepare:checkin.ruleHalf' : 'prepare:checkin.ruleTwoThirds');

  return (
    <section className="panel checkin" data-testid="checkin-panel">
      <h2 className="panel__title">{t('prepare:checkin.title')}</h2>
      <div className="checkin__top">
        <dl className="checkin__figures">
          <div>
            <dt>{t('common:turnout.roster')}</dt>
            <dd data-testid="checkin-roster">{turnout.roster}</dd>
          </div>
          <div className="is-present">
            <dt>{t('common:turnout.present')}</dt>
            <dd data-testid="checkin-present">{turnout.present}</dd>
          </div>
          <div>
            <dt>{t('common:turnout.absent')}</dt>
            <dd data-testid="checkin-absent">{turnout.absent}</dd>
          </div>
        </dl>
        <div className={`checkin__announce ${turnout.quorum ? 'is-met' : 'is-not-met'}`}>
          <p data-testid="checkin-announce">{announce}</p>
          <p className="checkin__rule">{t('prepare:checkin.rule', { rule })}</p>
        </div>
      </div>

      {view.refusedDevices.length > 0 && (
        <div className="checkin__refused" data-testid="refused-devices">
          <h3>{t('prepare:checkin.refusedTitle')}</h3>
          <p className="panel__hint">{t('prepare:checkin.refusedHint')}</p>
          <ul>
            {view.refusedDevices.map((r) => {
              const d = byId.get(r.deputyId);
              const time = new Date(r.at).toLocaleTimeString();
              return (
                <li key={`${r.deputyId}-${r.at}`}>
                  <span>{t('prepare:checkin.refusedAt', { time, name: d?.name ?? r.deputyId })}</span>
                  <button type="button" className="btn btn--small" onClick={() => setReissue({ deputyId: r.deputyId, name: d?.name ?? r.deputyId, present: d?.present === true })}>
                    {t('prepare:checkin.reissue')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {reissue && <ReissueBar target={reissue} meetingId={view.meeting.id} session={session} onClose={() => setReissue(null)} />}
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
      <RoundTurnout view={view} />
      <input className="checkin__filter" type="search" placeholder={t('prepare:checkin.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="checkin-filter" />
      <div className="checkin__lists">
        <div>
          <h3>{t('prepare:checkin.absentTitle', { n: turnout.absent })}</h3>
          {turnout.absent === 0 && <p className="panel__hint">{t('prepare:checkin.allIn')}</p>}
          <ul className="checkin__list" data-testid="absent-list">
            {absent.map((d) => (
              <li key={d.id} data-testid={`absent-${d.id}`}>
                <Who d={d} />
                <button type="button" className="btn btn--small btn--primary" onClick={() => act('checkIn', d.id)} data-testid="checkin-staff">
                  {t('prepare:checkin.checkIn')}
                </button>
                <button type="button" className="btn btn--small" onClick={() => setReissue({ deputyId: d.id, name: d.name, present: false })} data-testid="checkin-reissue">
                  {t('prepare:checkin.reissue')}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{t('prepare:checkin.presentTitle', { n: turnout.present })}</h3>
          <ul className="checkin__list" data-testid="present-list">
            {present.map((d) => (
              <li key={d.id} data-testid={`present-${d.id}`}>
                <Who d={d} />
                <span className="checkin__by">{t(d.by === 'staff' ? 'prepare:checkin.byStaff' : 'prepare:checkin.bySelf')}</span>
                {/* Reissue without undoing: the check-in belongs to the deputy, not the link (实到 holds). */}
                <button type="button" className="btn btn--small" onClick={() => setReissue({ deputyId: d.id, name: d.name, present: true })} data-testid="checkin-reissue">
                  {t('prepare:checkin.reissue')}
                </button>
                <button type="button" className="btn btn--small" onClick={() => act('undoCheckIn', d.id)} data-testid="checkin-undo">
                  {t('prepare:checkin.undo')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function Who({ d }: { d: Row }) {
  return (
    <span className="checkin__who">
      <strong>{d.name}</strong>
      <span className="muted">
        {d.group} {d.seat}
      </span>
    </span>
  );
}

/** The open (or latest) vote: named votes list who has not voted; secret votes give counts only. */
function RoundTurnout({ view }: Pick<PanelProps, 'view'>) {
  const { t } = useTranslation(['prepare']);
  const round = view.rounds.find((r) => r.id === view.activeRoundId);
  if (!round) return <p className="panel__hint">{t('prepare:checkin.noRound')}</p>;
  const item = view.agenda.find((it) => it.id === round.itemId);
  const voted = round.voted === null ? null : new Set(round.voted);
  const asked = askedOf(item);
  const missing = voted === null ? [] : view.roster.filter((d) => d.present && asked(d.id) && !voted.has(d.id));
  return (
    <div className="checkin__round" data-testid="checkin-round">
      <h3>
        {t('prepare:checkin.votingTitle')} · {item?.title ?? ''}
      </h3>
      <p>{t('prepare:checkin.votedCount', { voted: round.voterCount, present: presentAsked(view, item) })}</p>
      {voted === null ? (
        <p className="panel__hint">{t('prepare:checkin.secretNote')}</p>
      ) : (
        <p data-testid="not-voted">
          {t('prepare:checkin.notVotedNamed', { n: missing.length })}: {missing.map((d) => d.name).join('、')}
        </p>
      )}
    </div>
  );
}
