// 民生实事项目票决 on the big screen: every project as a horizontal bar, ranked by votes, with
// the majority line (votes needed to be eligible) and the adoption line under the N-th place.
// Adopted bars are gold and marked 入选, tied ones orange, those below the majority grey.
import { Bar, BarChart, Cell, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { ProjectsItem } from '../../../shared/model.js';
import type { ProjectStatus, ProjectsResult } from '../../../shared/rules/index.js';
import { projectStatusText, projectsRuleText, unfilledTexts } from '../i18n/outcome-labels.js';
import { useVotesT } from '../i18n/votes.js';
import { STAGE_W, useStageWidth } from './stage.js';
import '../styles/screen-votes.css';

const NAME_W = 640;
const MARGIN = { top: 44, right: 400, bottom: 8, left: 8 }; // right: room for "18  Run-off 27  Not adopted"
const FILL: Record<ProjectStatus, string> = { adopted: '#d9ac3c', tied: '#f08c2e', notAdopted: '#7f93b3', belowThreshold: '#4a5a75', noQuorum: '#4a5a75' };

/** A project name on two lines at most, at a size a back row can read. */
function NameTick({ x, y, payload, nameW: NAME_W = 640, per = 20, size = 30 }: { x?: number; y?: number; payload?: { value?: string }; nameW?: number; per?: number; size?: number }) {
  const name = payload?.value ?? '';
  const lines = name.length > per ? [name.slice(0, per), name.slice(per, per * 2 - 1) + (name.length > per * 2 - 1 ? '…' : '')] : [name];
  return (
    <text x={(x ?? 0) - NAME_W + 12} y={y ?? 0} fill="#fff" fontSize={size} fontWeight={700} textAnchor="start">
      {lines.map((l, i) => (
        <tspan key={i} x={(x ?? 0) - NAME_W + 12} dy={i === 0 ? (lines.length > 1 ? -size * 0.27 : size / 3) : size * 1.15}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

export function ProjectsResultChart({ item, result, height: full }: { item: ProjectsItem; result: ProjectsResult; height: number }) {
  const { t } = useVotesT();
  // The scene's width inside its 96px side padding: 1728 on the 16:9 stage, 1248 at 4:3.
  const WIDTH = useStageWidth() - (STAGE_W - 1728);
  const narrow = WIDTH < 1728;
  // At 4:3 the summary above may take a second line.
  const height = narrow ? full - 56 : full;
  const names = new Map(item.projects.map((p) => [p.id, p.name]));
  const rows = result.projects.map((p) => ({
    id: p.projectId,
    name: names.get(p.projectId) ?? p.projectId,
    votes: p.votes,
    status: p.status,
    label: [String(p.votes), p.runoffVotes.length > 0 ? t('votes:screen.runoffVotes', { votes: p.runoffVotes.join(' / ') }) : '', projectStatusText(t, result, p.status)]
      .filter(Boolean)
      .join('  '),
  }));
  const top = Math.max(result.needed, ...rows.map((r) => r.votes), 1);
  const plotH = height - MARGIN.top - MARGIN.bottom;
  // The adoption line: under the last seat, i.e. after N rows (bands are equal in height).
  const seatRows = Math.min(result.seats, rows.length);
  const lineY = MARGIN.top + (plotH / Math.max(1, rows.length)) * seatRows;
  return (
    <>
    <p className="result-summary">
      <span>{t('scenes:result.summary', { roster: result.roster, present: result.present, cast: result.cast, valid: result.valid, invalid: result.invalid })}</span>
      <span className="result-summary__strong" data-testid="projects-rule">
        {result.noQuorum ? t('common:label.noQuorum') : `${t('votes:console.adoptedCount', { count: result.adopted.length })} · ${projectsRuleText(t, result)}`}
      </span>
      {unfilledTexts(t, result).map((text) => (
        <span key={text} className="tag tag--warn" data-testid="projects-unfilled">
          {text}
        </span>
      ))}
      {result.manual && <span className="tag">{t('votes:screen.manual')}</span>}
    </p>
    <div className="projects-chart" data-testid="projects-chart" style={{ width: WIDTH, height }}>
      <BarChart width={WIDTH} height={height} data={rows} layout="vertical" margin={MARGIN} barCategoryGap="22%">
        <XAxis type="number" domain={[0, top]} hide />
        <YAxis type="category" dataKey="name" width={narrow ? 460 : NAME_W} tick={<NameTick nameW={narrow ? 460 : NAME_W} per={narrow ? 17 : 20} size={narrow ? 24 : 30} />} tickLine={false} axisLine={false} interval={0} />
        <Bar dataKey="votes" isAnimationActive={false} radius={[0, 6, 6, 0]} minPointSize={4}>
          {rows.map((r) => (
            <Cell key={r.id} fill={FILL[r.status]} data-testid={`chart-bar-${r.id}`} />
          ))}
          <LabelList dataKey="label" position="right" fill="#fff" fontSize={30} fontWeight={700} />
        </Bar>
        {result.needed > 0 && (
          <ReferenceLine
            x={result.needed}
            stroke="#ffffff"
            strokeDasharray="10 8"
            strokeWidth={3}
            label={{ value: projectsRuleText(t, result), position: 'top', fill: '#fff', fontSize: 26 }}
          />
        )}
      </BarChart>
      {seatRows < rows.length && (
        <div className="projects-chart__line" style={{ top: lineY }} data-testid="adoption-line">
          <span>{t('votes:screen.adoptionLine', { n: result.seats })}</span>
        </div>
      )}
    </div>
    </>
  );
}
