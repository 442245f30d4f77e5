// The audience's sheet in the results report (CSV / XLSX, SPEC Y20): 网络评议 and 现场观众 of
// each rated item, and the combined figure with its weights and rule. A sheet of its own, headed
// as the public's opinion: the deputies' item sheets, the legal result, never carry it (Y2).
import type { AudienceFigure } from '../../shared/audience-figures.js';
import type { AudienceRecord } from '../../shared/audience-report.js';
import { AUD, audienceGroupTitle, combinedWeightsText } from './audience-words.js';
import { L, levelLabel } from './labels.js';
import type { Cell, Sheet } from './sheet.js';

const pct = (x: number | null): Cell => (x === null ? null : { pct: x });

function figureRows(rec: AudienceRecord, f: AudienceFigure): Cell[][] {
  return [
    [audienceGroupTitle(f.group), AUD.took, f.n],
    [L.subject, ...(f.subjects[0]?.levels.map((l) => levelLabel(rec.scale, l.level)) ?? []), AUD.rated, L.satisfactionRate, L.score],
    ...f.subjects.map((x): Cell[] => [x.name, ...x.levels.map((l) => l.count), x.rated, pct(x.satisfactionRate), x.score]),
  ];
}

export function audienceSheet(records: readonly AudienceRecord[]): Sheet | null {
  if (records.length === 0) return null;
  const headings: number[] = [];
  const rows: Cell[][] = [];
  const heading = (row: Cell[]) => {
    headings.push(rows.length);
    rows.push(row);
  };
  heading([AUD.apart]);
  for (const rec of records) {
    rows.push([]);
    heading([L.item, rec.itemTitle]);
    for (const f of rec.figures) {
      const [head, ...rest] = figureRows(rec, f);
      if (head) heading(head);
      rows.push(...rest);
    }
    if (rec.combined) {
      heading([AUD.combined, AUD.weights, combinedWeightsText(rec.combined.weights)]);
      rows.push([L.subject, L.satisfactionRate, L.score], ...rec.combined.subjects.map((x): Cell[] => [x.name, pct(x.satisfactionRate), x.score]));
      rows.push([L.rule, AUD.rule]);
    }
  }
  return { name: AUD.sheet, headings, rows };
}
