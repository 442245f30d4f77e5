// Live tallies while a round is open (only when the item's visibility allows: view.result is
// non-null). Animation is off: each view replaces the bars in place, no flashing on TV.
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { MotionResult } from '../../../shared/rules/index.js';

const COLORS = { for: '#2e9e52', against: '#d8433a', abstain: '#d39a1c' } as const;

export function LiveChart({ result, width, height }: { result: MotionResult; width: number; height: number }) {
  const { t } = useTranslation('common');
  const data = (['for', 'against', 'abstain'] as const).map((k) => ({ key: k, name: t(`choice.${k}`), value: result[k] }));
  const top = Math.max(1, result.present, ...data.map((d) => d.value));
  return (
    <div className="live-chart" data-testid="screen-live-chart">
      <BarChart width={width} height={height} data={data} margin={{ top: 70, right: 40, bottom: 10, left: 40 }} barCategoryGap="22%">
        <XAxis dataKey="name" tick={{ fill: '#fff', fontSize: 44, fontWeight: 700 }} axisLine={{ stroke: '#c9a24a' }} tickLine={false} height={80} />
        <YAxis hide domain={[0, top]} allowDecimals={false} />
        <Bar dataKey="value" isAnimationActive={false} radius={[8, 8, 0, 0]} minPointSize={6}>
          {data.map((d) => (
            <Cell key={d.key} fill={COLORS[d.key]} />
          ))}
          <LabelList dataKey="value" position="top" fill="#fff" fontSize={56} fontWeight={700} />
        </Bar>
      </BarChart>
    </div>
  );
}
