import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportOverview } from '../api/reports.api';
import { useChartStyle } from '../hooks/use-chart-style';
import { useReportFormat } from '../hooks/use-report-format';

/** Month by month: the hours delivered (bars) and the average attendance (line, 0–100 %). */
export function DeliveryChart({ months }: { months: ReportOverview['byMonth'] }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const format = useReportFormat();
  const data = months.map((month) => ({ ...month, label: format.month(month.month) }));

  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
        <CartesianGrid vertical={false} stroke={style.colors.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" reversed={style.rtl} />
        <YAxis
          yAxisId="hours"
          orientation={style.start}
          allowDecimals={false}
          tickFormatter={format.number}
        />
        <YAxis
          yAxisId="attendance"
          orientation={style.end}
          domain={[0, 100]}
          tickFormatter={(value: number) => format.percent(value)}
        />
        <Tooltip
          formatter={(value, name) =>
            name === t('reports.charts.attendance')
              ? format.percent(value === null ? null : Number(value))
              : format.number(Number(value))
          }
        />
        <Legend />
        <Bar
          yAxisId="hours"
          dataKey="hoursDelivered"
          name={t('reports.charts.hours')}
          fill={style.colors.secondary}
          radius={[4, 4, 0, 0]}
          isAnimationActive={false}
        />
        <Line
          yAxisId="attendance"
          dataKey="averageAttendancePercent"
          name={t('reports.charts.attendance')}
          stroke={style.colors.accent}
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
