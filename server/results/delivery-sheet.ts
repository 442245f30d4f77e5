// The report's 民生实事项目实施情况 sheet (docs/SPEC.md U26): for every delivery rating of the
// meeting, each project's 满意率 and score now, beside the vote that adopted it (the meeting, the
// item, its votes and rank, as copied into the item). In Chinese like every sheet of the record.
import type { MeetingReport } from '../../shared/report.js';
import type { Cell, Sheet } from './sheet.js';

const HEAD = ['测评事项', '项目', '跟踪编号', '票决会议', '票决事项', '得票', '名次', '满意率', '得分', '有效票'];

/** null when the meeting has no delivery rating. */
export function deliverySheet(report: MeetingReport): Sheet | null {
  const rows: Cell[][] = [HEAD];
  for (const ri of report.items) {
    if (ri.item.kind !== 'rating' || !ri.item.deliveries?.length) continue;
    const result = ri.outcome?.kind === 'rating' && !ri.outcome.noQuorum ? ri.outcome : null;
    for (const d of ri.item.deliveries) {
      const subject = ri.item.subjects.find((s) => s.id === d.subjectId);
      const now = result?.subjects.find((s) => s.subjectId === d.subjectId);
      rows.push([ri.item.title, subject?.name ?? d.subjectId, d.trackedId, d.meetingTitle, d.itemTitle, d.votes, d.rank, now?.satisfactionRate == null ? null : { pct: now.satisfactionRate }, now?.score ?? null, now?.valid ?? null]);
    }
  }
  return rows.length > 1 ? { name: '项目实施测评', headings: [0], rows } : null;
}
