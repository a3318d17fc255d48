import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNetworkName } from '@/shared/api/reference-data.queries';
import { useSatisfaction, type ReportFilters, type SatisfactionReport } from '../api/reports.api';
import { useChartStyle } from '../hooks/use-chart-style';
import { useReportFormat } from '../hooks/use-report-format';
import { ChartCard } from './chart-card';
import { ExportableReport } from './exportable-report';
import { LABEL_WIDTH, ROW_HEIGHT } from './count-bar-chart';

const CRITERIA = ['content', 'clarity', 'audioVideo'] as const;
type Row = SatisfactionReport['byNetwork'][number] | SatisfactionReport['byExpert'][number];

/** The trainees' feedback (1–5) per network, as bars and a table, and per expert as a table. */
export function SatisfactionSection({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const report = useSatisfaction(filters);
  const networkName = useNetworkName();

  return (
    <ExportableReport
      file="satisfaction"
      filters={filters}
      report={report}
      texts={{
        title: t('reports.satisfaction.title'),
        export: t('reports.satisfaction.export'),
        hint: t('reports.satisfaction.hint'),
      }}
    >
      {(data) => (
        <>
          <ChartCard
            title={t('reports.satisfaction.chart')}
            hasData={data.byNetwork.length > 0}
            testId="chart-satisfaction"
          >
            <SatisfactionChart
              rows={data.byNetwork.map((r) => ({ ...r, label: networkName(r.networkId) || r.name }))}
            />
          </ChartCard>
          <SatisfactionTable
            title={t('reports.satisfaction.byNetwork')}
            rows={data.byNetwork.map((r) => ({
              ...r,
              key: r.networkId,
              label: networkName(r.networkId) || r.name,
            }))}
            testId="satisfaction-networks"
          />
          <SatisfactionTable
            title={t('reports.satisfaction.byExpert')}
            rows={data.byExpert.map((r) => ({ ...r, key: r.expertId, label: r.name }))}
            testId="satisfaction-experts"
          />
        </>
      )}
    </ExportableReport>
  );
}

function SatisfactionChart({ rows }: { rows: (Row & { label: string })[] }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const format = useReportFormat();
  const colors = [style.colors.primary, style.colors.secondary, style.colors.accent];
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * ROW_HEIGHT * 2 + 60)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 16 }}>
        <CartesianGrid horizontal={false} stroke={style.colors.grid} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} reversed={style.rtl} />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} orientation={style.start} />
        <Tooltip formatter={(value) => format.number(Number(value))} />
        <Legend />
        {CRITERIA.map((criterion, index) => (
          <Bar
            key={criterion}
            dataKey={criterion}
            name={t(`feedback.criteria.${criterion}`)}
            fill={colors[index]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

function SatisfactionTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: (Row & { key: string; label: string })[];
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const average = new Intl.NumberFormat(i18n.language, { numberingSystem: 'latn', maximumFractionDigits: 2 });
  const format = useReportFormat();
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.charts.noData')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.learning.group')}</Table.Th>
                {CRITERIA.map((criterion) => (
                  <Table.Th key={criterion}>{t(`feedback.criteria.${criterion}`)}</Table.Th>
                ))}
                <Table.Th>{t('reports.satisfaction.answers')}</Table.Th>
                <Table.Th>{t('reports.satisfaction.sessions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td dir="auto">{row.label}</Table.Td>
                  {CRITERIA.map((criterion) => (
                    <Table.Td key={criterion}>{average.format(row[criterion])}</Table.Td>
                  ))}
                  <Table.Td>{format.number(row.answers)}</Table.Td>
                  <Table.Td>{format.number(row.sessions)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
