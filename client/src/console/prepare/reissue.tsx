// Reissuing a deputy's link, with a confirmation: the old link stops at once and a phone
// holding it is disconnected. The new link is shown as a QR code the deputy's phone can scan
// from the console's screen there and then, with a way to print its card. A checked-in deputy
// stays checked in: the check-in belongs to the deputy, not to the link.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkQr } from '../link-qr.js';
import { prepareError, reissueLink } from './prepare-api.js';

export interface ReissueTarget {
  deputyId: string;
  name: string;
  /** Checked in already: the confirmation says the check-in is kept. */
  present?: boolean;
}

export function ReissueBar({
  target,
  meetingId,
  session,
  onClose,
}: {
  target: ReissueTarget;
  meetingId: string;
  session: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(['prepare', 'common']);
  const [state, setState] = useState<{ s: 'ask' } | { s: 'busy' } | { s: 'done'; url: string } | { s: 'failed'; error: string }>({ s: 'ask' });
  const confirm = () => {
    setState({ s: 'busy' });
    void reissueLink(session, meetingId, target.deputyId).then((r) =>
      setState(r.ok ? { s: 'done', url: r.value.url } : { s: 'failed', error: prepareError(t, r.error) }),
    );
  };
  const cardHref = `/console?meeting=${encodeURIComponent(meetingId)}&print=qr&deputy=${encodeURIComponent(target.deputyId)}`;
  return (
    <div className="reissue" role="dialog" data-testid="reissue-bar">
      {state.s === 'done' ? (
        <>
          <p>{t('prepare:checkin.reissued', { name: target.name })}</p>
          <div className="reissue__new">
            <LinkQr url={state.url} size={200} />
            <div>
              <p className="panel__hint">{t('prepare:checkin.reissuedScan')}</p>
              <code className="reissue__url" data-testid="reissued-url">
                {state.url}
              </code>
            </div>
          </div>
          <div className="reissue__actions">
            <a className="btn btn--primary" href={cardHref} target="_blank" rel="noreferrer">
              {t('prepare:checkin.printCard')}
            </a>
            <button type="button" className="btn" onClick={onClose}>
              {t('prepare:agenda.done')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('prepare:checkin.reissueConfirm', { name: target.name })}</p>
          {target.present === true && <p className="panel__hint">{t('prepare:checkin.reissueKeepsCheckin')}</p>}
          {state.s === 'failed' && <p className="panel__error">{state.error}</p>}
          <div className="reissue__actions">
            <button type="button" className="btn btn--danger" disabled={state.s === 'busy'} onClick={confirm} data-testid="reissue-confirm">
              {t('prepare:checkin.reissue')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('console:round.cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
