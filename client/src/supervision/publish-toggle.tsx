// Whether a record is on the public year page (U40): administrators publish and withdraw; an
// operator sees the state only. What goes public is listed under the button.
import { useState } from 'react';
import type { PublishKind } from '../../../shared/supervision/publish-model.js';
import { useYearT } from '../i18n/year.js';
import { send } from './api.js';
import { refusal } from './words.js';

export function PublishToggle({ session, role, kind, id, published, onChanged }: { session: string; role: 'admin' | 'operator'; kind: PublishKind; id: string; published: boolean; onChanged: () => void }) {
  const { t } = useYearT('supervision');
  const [note, setNote] = useState<string | null>(null);
  const flip = () =>
    void send(session, { type: 'setPublished', kind, id, published: !published }).then((r) => {
      setNote(r.ok ? null : refusal(t, r.error));
      if (r.ok) onChanged();
    });
  return (
    <section className={`panel sv-publish${published ? ' is-published' : ''}`} data-testid="sv-publish" data-published={published ? 'yes' : 'no'}>
      <span className="sv-publish__state">{t(published ? 'publish.published' : 'publish.unpublished')}</span>
      {role === 'admin' ? (
        <button type="button" className={`btn ${published ? '' : 'btn--primary'}`} onClick={flip} data-testid="sv-publish-toggle">
          {t(published ? 'publish.withdraw' : 'publish.publish')}
        </button>
      ) : null}
      <p className="panel__hint sv-publish__hint">{t('publish.hint')}</p>
      {note ? <p className="sv-note sv-note--error">{note}</p> : null}
    </section>
  );
}
