import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useChartStyle } from '../hooks/use-chart-style';
import { useReportFormat } from '../hooks/use-report-format';
import type { CountDatum } from './count-bar-chart';

/** Trainees against trainers (the train-the-trainer cohorts): two parts of one whole. */
export function KindPieChart({ data }: { data: CountDatum[] }) {
  const style = useChartStyle();
  const format = useReportFormat();
  const colors = [style.colors.primary, style.colors.tertiary];
  return (
    <ResponsiveContainer width="100%" height={240}>
      <PieChart>
        <Pie
          data={data}
          dataKey="count"
          nameKey="label"
          innerRadius={50}
          outerRadius={85}
          label={({ value }) => format.number(Number(value))}
          isAnimationActive={false}
        >
          {data.map((datum, index) => (
            <Cell key={datum.key} fill={colors[index % colors.length]} />
          ))}
        </Pie>
        <Tooltip formatter={(value) => format.number(Number(value))} />
        <Legend />
      </PieChart>
    </ResponsiveContainer>
  );
}
