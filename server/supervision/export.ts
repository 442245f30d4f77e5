// The register as a workbook for the committee (GET /api/supervision/cases.xlsx): every case,
// overdue first (U8), and a count of cases by department and status (U16). In Chinese like
// every export of the record.
import type { CaseStatus } from '../../shared/supervision/status.js';
import type { SupervisionView } from '../../shared/supervision/view.js';
import type { Cell, Sheet } from '../results/sheet.js';
import { STATUS_ZH } from './words.js';
import { assertNever } from '../../shared/never.js';

const MISSED_ZH = { notice: '督办通知书未按时发出', plan: '整改方案未按时报送', completion: '未按期完成整改' } as const;
const STATUSES: readonly CaseStatus[] = ['overdue', 'awaitingNotice', 'rectifying', 'completed', 'closed'];
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
  const departments = [...new Set(v.cases.map((c) => c.details.department))];
  const summary: Cell[][] = [['责任单位', ...STATUSES.map((s) => STATUS_ZH[s]), '合计']];
  for (const d of departments) {
    const mine = v.cases.filter((c) => c.details.department === d);
    summary.push([d, ...STATUSES.map((s) => mine.filter((c) => c.status === s).length), mine.length]);
  }
  summary.push(['合计', ...STATUSES.map((s) => v.cases.filter((c) => c.status === s).length), v.cases.length]);
  return [
    { name: '整改督办台账', headings: [0], rows: [[`统计日期：${v.today}`], ...cases] },
    { name: '按单位统计', headings: [0], rows: summary },
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
