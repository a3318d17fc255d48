import { useState } from 'react';
import { Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCentreName, useNetworkName, useSectorName } from '@/shared/api/reference-data.queries';
import {
  useLearningGain,
  type LearningGain,
  type LearningGainReport,
  type ReportFilters,
} from '../api/reports.api';
import { useChartStyle } from '../hooks/use-chart-style';
import { useReportFormat } from '../hooks/use-report-format';
import { ChartCard } from './chart-card';
import { ExportableReport } from './exportable-report';
import { LABEL_WIDTH, ROW_HEIGHT } from './count-bar-chart';

const DIMENSIONS = ['network', 'sector', 'centre', 'kind'] as const;
type Dimension = (typeof DIMENSIONS)[number];

interface GroupRow extends LearningGain {
  key: string;
  label: string;
}

/**
 * Did they learn: the mean pre-test and post-test scores and the gain of the people who took both,
 * grouped as the reader picks, as bars and as a table; exportable as CSV.
 */
export function LearningGainSection({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const report = useLearningGain(filters);
  const [dimension, setDimension] = useState<Dimension>('network');

  return (
    <ExportableReport
      file="learning-gain"
      filters={filters}
      report={report}
      texts={{
        title: t('reports.learning.title'),
        export: t('reports.learning.export'),
        hint: t('reports.learning.hint'),
      }}
    >
      {(data) => (
        <>
          <GainTotal total={data.total} />
          <SegmentedControl
            aria-label={t('reports.learning.groupBy')}
            value={dimension}
            onChange={(value) => setDimension(value as Dimension)}
            data={DIMENSIONS.map((value) => ({ value, label: t(`reports.learning.by.${value}`) }))}
            fullWidth
            size="xs"
            data-testid="learning-gain-dimension"
          />
          <GainGroups report={data} dimension={dimension} />
        </>
      )}
    </ExportableReport>
  );
}

/** The groups of one dimension, named in the reader's language. */
function useGroupRows(report: LearningGainReport, dimension: Dimension): GroupRow[] {
  const { t } = useTranslation();
  const networkName = useNetworkName();
  const sectorName = useSectorName();
  const centreName = useCentreName();
  switch (dimension) {
    case 'network':
      return report.byNetwork.map((r) => ({
        ...r,
        key: r.networkId,
        label: networkName(r.networkId) || r.name,
      }));
    case 'sector':
      return report.bySector.map((r) => ({ ...r, key: r.sectorCode, label: sectorName(r.sectorCode) }));
    case 'centre':
      return report.byCentre.map((r) => ({ ...r, key: r.centreId, label: centreName(r.centreId) || r.name }));
    case 'kind':
      return report.byCohortKind.map((r) => ({ ...r, key: r.kind, label: t(`cohorts.kind.${r.kind}`) }));
  }
}

function useGainFormat() {
  const format = useReportFormat();
  const { i18n } = useTranslation();
  const signed = new Intl.NumberFormat(i18n.language, {
    numberingSystem: 'latn',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return { ...format, gain: (value: number | null) => (value === null ? '—' : signed.format(value)) };
}

function GainTotal({ total }: { total: LearningGain }) {
  const { t } = useTranslation();
  const format = useGainFormat();
  const figures = [
    {
      key: 'pre',
      label: t('reports.learning.pre'),
      value: format.percent(total.preTestAverage),
      count: total.preTestCount,
    },
    {
      key: 'post',
      label: t('reports.learning.post'),
      value: format.percent(total.postTestAverage),
      count: total.postTestCount,
    },
    {
      key: 'gain',
      label: t('reports.learning.gain'),
      value: format.gain(total.gain),
      count: total.pairedCount,
    },
  ];
  return (
    <Group grow align="stretch" gap="sm" wrap="wrap" data-testid="learning-gain-total">
      {figures.map((figure) => (
        <Paper key={figure.key} withBorder p="sm" miw={140} data-testid={`learning-gain-${figure.key}`}>
          <Text size="sm" c="dimmed">
            {figure.label}
          </Text>
          <Text size="xl" fw={700}>
            <bdi>{figure.value}</bdi>
          </Text>
          <Text size="xs" c="dimmed">
            {t('reports.learning.people', { count: figure.count, value: format.number(figure.count) })}
          </Text>
        </Paper>
      ))}
    </Group>
  );
}

function GainGroups({ report, dimension }: { report: LearningGainReport; dimension: Dimension }) {
  const { t } = useTranslation();
  const rows = useGroupRows(report, dimension);
  const style = useChartStyle();
  const format = useGainFormat();
  return (
    <>
      <ChartCard title={t('reports.learning.chart')} hasData={rows.length > 0} testId="chart-learning-gain">
        <ResponsiveContainer width="100%" height={Math.max(140, rows.length * ROW_HEIGHT * 1.5 + 60)}>
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 16 }}>
            <CartesianGrid horizontal={false} stroke={style.colors.grid} strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={[0, 100]}
              reversed={style.rtl}
              tickFormatter={(value: number) => format.percent(value)}
            />
            <YAxis type="category" dataKey="label" width={LABEL_WIDTH} orientation={style.start} />
            <Tooltip formatter={(value) => format.percent(Number(value))} />
            <Legend />
            <Bar
              dataKey="preTestAverage"
              name={t('reports.learning.pre')}
              fill={style.colors.secondary}
              isAnimationActive={false}
            />
            <Bar
              dataKey="postTestAverage"
              name={t('reports.learning.post')}
              fill={style.colors.primary}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="learning-gain-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.learning.group')}</Table.Th>
                <Table.Th>{t('reports.learning.pre')}</Table.Th>
                <Table.Th>{t('reports.learning.post')}</Table.Th>
                <Table.Th>{t('reports.learning.gain')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td dir="auto">{row.label}</Table.Td>
                  <Table.Td>
                    <bdi>{format.percent(row.preTestAverage)}</bdi> ({format.number(row.preTestCount)})
                  </Table.Td>
                  <Table.Td>
                    <bdi>{format.percent(row.postTestAverage)}</bdi> ({format.number(row.postTestCount)})
                  </Table.Td>
                  <Table.Td>
                    <bdi>{format.gain(row.gain)}</bdi> ({format.number(row.pairedCount)})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
