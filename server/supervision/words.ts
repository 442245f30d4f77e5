// The words of the 督办通知书, in Chinese like every document of the record (server/documents/
// words.ts). The PDF and the console's A4 page lay out this one text (U13).
import type { SupervisionConfig } from '../../shared/supervision/model.js';
import type { RectificationCase } from '../../shared/supervision/state.js';
import type { CaseStatus } from '../../shared/supervision/status.js';
import type { ProjectStatus } from '../../shared/supervision/year-projects.js';
import type { IsoDate } from '../../shared/supervision/workdays.js';
import type { PrintedText } from '../documents/notice-pdf.js';

/** "2026年12月3日" */
export function dateZh(d: IsoDate): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export const STATUS_ZH: Record<CaseStatus, string> = {
  awaitingNotice: '待通知',
  rectifying: '整改中',
  overdue: '逾期',
  completed: '已完成',
  closed: '已销号',
};

export const PROJECT_STATUS_ZH: Record<ProjectStatus, string> = { notStarted: '未开工', inProgress: '实施中', overdue: '逾期', completed: '已完成' };

/** The notice of an issued case: addressee, why, what is required by when, issuer and date. */
export function supervisionNoticeText(c: RectificationCase & { notice: NonNullable<RectificationCase['notice']> }, config: SupervisionConfig): PrintedText {
  const d = c.details;
  const src = c.source;
  const why =
    src.kind === 'suggestion'
      ? `在${src.meetingTitle}“${src.itemTitle}”中，第${src.number}号建议《${src.title}》（领衔代表${src.leadDeputy}）的办理答复，代表不满意率为${pct(src.figures.unsatisfiedRate)}，超过${pct(src.figures.flagAbove)}，须再次办理，重新答复代表。`
      : src.kind === 'rating'
      ? `在${src.meetingTitle}“${src.itemTitle}”中，你单位满意率为${pct(src.figures.satisfactionRate)}，不满意率为${pct(src.figures.unsatisfiedRate)}，得分${src.figures.score === null ? '—' : src.figures.score.toFixed(2)}分，不满意率超过${pct(src.figures.flagAbove)}，须限期整改。`
      : '经研究，你单位下列事项须限期整改。';
  const lead = d.lead ? `本事项由${d.lead}领衔督办。` : '';
  // A suggestion goes back for a second reply to the deputies who made it (R17), not for a rectification.
  const again = src.kind === 'suggestion';
  const rows: string[][] = [
    [again ? '报送再次办理方案（书面，含措施、责任人和时限）' : '报送整改方案（书面，含措施、责任人和时限）', dateZh(c.due.plan)],
    ...d.commitments.map((x) => [`落实现场承诺：${x}`, dateZh(c.due.completion)]),
    [again ? '办结并重新书面答复领衔代表，同时报送办理结果' : '完成整改并书面报告整改结果', dateZh(c.due.completion)],
  ].map((r, i) => [String(i + 1), ...r]);
  const statements: string[] = [];
  if (d.questions.length > 0) statements.push(`代表提出的问题：${d.questions.map((q, i) => `${i + 1}. ${q.asker}：${q.topic}`).join('；')}。`);
  statements.push(
    again
      ? `办理期间，请每月向${config.issuer}书面报告进展情况；逾期未办结的，将提请常委会会议听取专项工作报告，并在下次会议上进行“回头看”满意度测评。`
      : `整改期间，请每月向${config.issuer}书面报告进展情况；逾期未完成的，将提请常委会会议听取专项工作报告，并在下次会议上进行“回头看”满意度测评。`,
  );
  return {
    to: `${d.department}${d.head ? `（${d.head}）` : ''}：`,
    title: '督办通知书',
    number: c.notice.number,
    lead: `${why}${lead}现将督办事项和时限通知如下：`,
    columns: ['序号', '督办事项', '完成时限'],
    numeric: [true, false, false],
    rows,
    statements,
    closing: '特此通知。',
    issuer: config.issuer,
    date: dateZh(c.notice.on),
    seal: '（盖章）',
  };
}
