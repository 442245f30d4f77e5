// The report's 回头看 sheet (docs/SPEC.md U15): for every review rating of the meeting, each
// department's 满意率 and score at the earlier rating and now, and the change in points. In
// Chinese like every sheet of the record.
import type { MeetingReport } from '../../shared/report.js';
import { beforeAfter } from '../../shared/supervision/review.js';
import type { Cell, Sheet } from './sheet.js';

const HEAD = ['测评事项', '责任单位', '督办编号', '原测评', '原满意率', '原得分', '现满意率', '现得分', '满意率变化（百分点）', '得分变化'];

const pct = (x: number | null): Cell => (x === null ? null : { pct: x });

/** null when the meeting has no review rating. */
export function reviewSheet(report: MeetingReport): Sheet | null {
  const rows: Cell[][] = [HEAD];
  for (const ri of report.items) {
    if (ri.item.kind !== 'rating' || !ri.item.reviews?.length) continue;
    const result = ri.outcome?.kind === 'rating' ? ri.outcome : null;
    for (const r of beforeAfter(ri.item, result)) {
      rows.push([ri.item.title, r.department, r.caseId, r.before.meetingTitle, pct(r.before.satisfactionRate), r.before.score, pct(r.after?.satisfactionRate ?? null), r.after?.score ?? null, r.change?.satisfactionRate ?? null, r.change?.score ?? null]);
    }
  }
  return rows.length > 1 ? { name: '回头看', headings: [0], rows } : null;
}
