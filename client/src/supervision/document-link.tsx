// What a plan, report or visit has attached (U14, U44): photos and videos inline, a PDF or Word
// document as a download carrying the session, since the server hands documents to signed-in
// staff only and never shows them inline.
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

/** Every attachment of one report, in the order they were attached. */
export function Attachments({ session, list }: { session: string; list: readonly Attachment[] }) {
  if (list.length === 0) return null;
  return (
    <span className="sv-thumbs">
      {list.map((a) =>
        a.type === 'image' ? (
          <img key={a.mediaId} src={`/api/media/${a.mediaId}`} alt={a.name} className="sv-thumb" />
        ) : a.type === 'video' ? (
          <video key={a.mediaId} src={`/api/media/${a.mediaId}`} className="sv-thumb" controls />
        ) : (
          <DocumentLink key={a.mediaId} session={session} a={a} />
        ),
      )}
    </span>
  );
}
