// A PDF or Word document attached to a plan or report (U44): a download carrying the session,
// since the server hands documents to signed-in staff only and never shows them inline.
import type { Attachment } from '../../../shared/supervision/model.js';
import { downloadBlob } from '../console/documents-api.js';
import { useYearT } from '../i18n/year.js';

export function DocumentLink({ session, a }: { session: string; a: Attachment }) {
  const { t } = useYearT();
  const name = a.name || a.mediaId;
  return (
    <button type="button" className="btn btn--link sv-doc" title={t('documents.download')} onClick={() => void downloadBlob(session, `/api/media/${encodeURIComponent(a.mediaId)}`, name)} data-testid="sv-document">
      {name}
    </button>
  );
}
