// The report's 建议办理 sheet (docs/SPEC.md R16, R17): for every suggestions rating of the
// meeting, each 主办单位 with its number of suggestions, ratings, 满意率, score, rank and how many
// go back for 再次办理; then each suggestion with its units. In Chinese like every sheet.
import type { MeetingReport } from '../../shared/report.js';
import type { Cell, Sheet } from './sheet.js';

const pct = (x: number | null): Cell => (x === null ? null : { pct: x });

/** null when the meeting has no closed suggestions rating. */
export function unitSheet(report: MeetingReport): Sheet | null {
  const rows: Cell[][] = [];
  const headings: number[] = [];
  for (const ri of report.items) {
    const result = ri.outcome?.kind === 'rating' ? ri.outcome : null;
    if (ri.item.kind !== 'rating' || !ri.item.suggestions?.length || !result?.units) continue;
    headings.push(rows.length);
    rows.push([`${ri.item.title}：主办单位排名（按其全部建议的测评合计）`]);
    rows.push(['名次', '主办单位', '建议件数', '测评人次', '满意率', '不满意率', '得分', '再次办理（件）']);
    for (const u of result.units) rows.push([u.rank, u.unit, u.subjectIds.length, u.valid, pct(u.satisfactionRate), pct(u.unsatisfiedRate), u.score, u.reopened]);
    const figures = new Map(result.subjects.map((x) => [x.subjectId, x]));
    const names = new Map(ri.item.subjects.map((x) => [x.id, x]));
    headings.push(rows.length);
    rows.push(['建议号', '建议题目', '领衔代表', '主办单位', '会办单位', '测评人次', '满意率', '不满意率', '得分', '再次办理']);
    for (const g of ri.item.suggestions) {
      const f = figures.get(g.subjectId);
      const subject = names.get(g.subjectId);
      rows.push([g.number, subject?.name ?? g.subjectId, subject?.person ?? '', g.units.join('、'), g.jointUnits.join('、'), f?.valid ?? 0, pct(f?.satisfactionRate ?? null), pct(f?.unsatisfiedRate ?? null), f?.score ?? null, f?.flagged ? '是' : '']);
    }
  }
  return rows.length > 0 ? { name: '建议办理', headings, rows } : null;
}
