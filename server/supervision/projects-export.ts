// The tracked projects as a workbook (GET /api/supervision/projects.xlsx, U27): every project in
// the view's order (overdue first) with the vote that adopted it, its progress and its delivery
// rating; and a count by department and status. In Chinese like every export of the record.
import { PROJECT_STATUSES, type ProjectsView } from '../../shared/supervision/projects-view.js';
import { PROJECT_STATUS_ZH } from './words.js';
import type { Cell, Sheet } from '../results/sheet.js';

const MISSED_ZH = { milestone: '节点未按时完成', completion: '未按期完成' } as const;
const pct = (x: number | null | undefined): Cell => (x === null || x === undefined ? null : { pct: x });

export function projectsSheets(v: ProjectsView): Sheet[] {
  const rows: Cell[][] = [
    ['编号', '项目名称', '责任单位', '领衔督办', '状态', '逾期事项', '完成时限', '进度', '预算（元）', '已支出（元）', '超支（元）', '节点', '已完成节点', '视察次数', '票决会议', '得票', '名次', '实施满意率', '实施得分', '测评会议'],
  ];
  for (const p of v.projects) {
    rows.push([
      p.id,
      p.details.name,
      p.details.department,
      p.details.lead,
      PROJECT_STATUS_ZH[p.status],
      p.missed ? MISSED_ZH[p.missed] : '',
      p.details.completion ?? '',
      { pct: p.percent / 100 },
      p.details.budgetYuan,
      p.spentYuan,
      p.overBudgetYuan,
      p.milestones.length,
      p.milestones.filter((m) => m.doneOn !== null).length,
      p.visits.length,
      `${p.adoptedBy.meetingTitle} · ${p.adoptedBy.itemTitle}`,
      p.adoptedBy.votes,
      p.adoptedBy.rank,
      pct(p.delivery?.satisfactionRate),
      p.delivery?.score ?? null,
      p.delivery ? `${p.delivery.meetingTitle} · ${p.delivery.itemTitle}` : '',
    ]);
  }
  const departments = [...new Set(v.projects.map((p) => p.details.department))];
  const summary: Cell[][] = [['责任单位', ...PROJECT_STATUSES.map((s) => PROJECT_STATUS_ZH[s]), '合计']];
  for (const d of departments) {
    const mine = v.projects.filter((p) => p.details.department === d);
    summary.push([d || '—', ...PROJECT_STATUSES.map((s) => mine.filter((p) => p.status === s).length), mine.length]);
  }
  summary.push(['合计', ...PROJECT_STATUSES.map((s) => v.counts[s]), v.projects.length]);
  return [
    { name: '民生实事项目跟踪', headings: [1], rows: [[`统计日期：${v.today}`], ...rows] },
    { name: '项目按单位统计', headings: [0], rows: summary },
  ];
}
