import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartStyle } from '../hooks/use-chart-style';
import { useReportFormat } from '../hooks/use-report-format';

export interface CountDatum {
  key: string;
  label: string;
  count: number;
}

/** Room for a name on up to three lines beside its bar. */
export const ROW_HEIGHT = 52;
export const LABEL_WIDTH = 170;

/** Counts per category as horizontal bars, one row each: long names stay readable. */
export function CountBarChart({ data, name, color }: { data: CountDatum[]; name: string; color: string }) {
  const style = useChartStyle();
  const format = useReportFormat();
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, data.length * ROW_HEIGHT + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 16 }}>
        <CartesianGrid horizontal={false} stroke={style.colors.grid} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} reversed={style.rtl} tickFormatter={format.number} />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} orientation={style.start} />
        <Tooltip formatter={(value) => format.number(Number(value))} />
        <Bar dataKey="count" name={name} fill={color} radius={4} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
