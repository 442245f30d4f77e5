// The questioning's sheet in the results report (CSV / XLSX): one row per question with who
// asked what and the time used against the time allowed, and each department's rating.
import type { SegmentLog, SpeakingUse } from '../../shared/segment-view.js';
import type { Sheet } from './sheet.js';

const sec = (u: SpeakingUse | null, k: 'usedMs' | 'allowedMs') => (u === null ? null : Math.round(u[k] / 1000));

export const SEGMENT_HEAD = ['环节', '部门', '答复人', '职务', '序号', '提问代表', '主题', '提问用时(秒)', '提问限时(秒)', '答复用时(秒)', '答复限时(秒)', '测评得分', '满意率'];

export function segmentSheet(log: readonly SegmentLog[]): Sheet {
  const rows = log.flatMap((seg) =>
    seg.questions.map((q) => [
      seg.title,
      seg.department,
      seg.person.name,
      seg.person.title,
      q.index + 1,
      q.asker,
      q.topic,
      sec(q.question, 'usedMs'),
      sec(q.question, 'allowedMs'),
      sec(q.answer, 'usedMs'),
      sec(q.answer, 'allowedMs'),
      seg.rating?.score ?? null,
      seg.rating?.satisfactionRate == null ? null : { pct: seg.rating.satisfactionRate },
    ]),
  );
  return { name: '问政记录', headings: [0], rows: [SEGMENT_HEAD, ...rows] };
}
