// The register as a workbook for the committee (GET /api/supervision/cases.xlsx): every case,
// overdue first (U8), and a count of cases by department and status (U16). In Chinese like
// every export of the record.
import { CASE_STATUSES, dashboardOf } from '../../shared/supervision/dashboard.js';
import type { SupervisionView } from '../../shared/supervision/view.js';
import type { Cell, Sheet } from '../results/sheet.js';
import { STATUS_ZH } from './words.js';
import { assertNever } from '../../shared/never.js';

const MISSED_ZH = { notice: '督办通知书未按时发出', plan: '整改方案未按时报送', completion: '未按期完成整改' } as const;
const pct = (x: number | null | undefined): Cell => (x === null || x === undefined ? null : { pct: x });

export function registerSheets(v: SupervisionView): Sheet[] {
  const cases: Cell[][] = [['编号', '责任单位', '负责人', '领衔督办', '状态', '逾期事项', '立案日期', '通知时限', '通知文号', '方案时限', '完成时限', '进展报告', '来源', '满意率', '不满意率', '得分']];
  for (const c of v.cases) {
    const f = c.source.kind !== 'staff' ? c.source.figures : null;
    cases.push([
      c.id,
      c.details.department,
      c.details.head,
      c.details.lead,
      STATUS_ZH[c.status],
      c.missed ? MISSED_ZH[c.missed] : '',
      c.openedOn,
      c.due.notice,
      c.notice?.number ?? '',
      c.due.plan,
      c.due.completion,
      c.progress.length,
      sourceZh(c.source),
      pct(f?.satisfactionRate),
      pct(f?.unsatisfiedRate),
      f?.score ?? null,
    ]);
  }
  // [U43] The dashboard's counts: departments with overdue cases first, then by status.
  const d = dashboardOf(v.cases, []).cases;
  const summary: Cell[][] = [['责任单位', ...CASE_STATUSES.map((s) => STATUS_ZH[s]), '合计']];
  for (const row of d.byDepartment) summary.push([row.department, ...CASE_STATUSES.map((s) => row.counts[s]), row.total]);
  summary.push(['合计', ...CASE_STATUSES.map((s) => d.byStatus[s]), d.total]);
  const byStatus: Cell[][] = [['状态', '件数'], ...CASE_STATUSES.map((s): Cell[] => [STATUS_ZH[s], d.byStatus[s]]), ['合计', d.total]];
  return [
    { name: '整改督办台账', headings: [0], rows: [[`统计日期：${v.today}`], ...cases] },
    { name: '按单位统计', headings: [0], rows: summary },
    { name: '按状态统计', headings: [0], rows: byStatus },
  ];
}

/** Where a case came from, in the register's words; 再次办理 names the suggestion (R17). */
function sourceZh(src: SupervisionView['cases'][number]['source']): string {
  switch (src.kind) {
    case 'rating':
      return `${src.meetingTitle} · ${src.itemTitle}`;
    case 'suggestion':
      return `${src.meetingTitle} · ${src.itemTitle} · 第${src.number}号建议（再次办理）`;
    case 'staff':
      return '手工立案';
    default:
      return assertNever(src, 'case source');
  }
}
