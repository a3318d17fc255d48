import { Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCentreName, useNetworkName, useSectorName } from '@/shared/api/reference-data.queries';
import { ErrorAlert } from '@/shared/components/error-alert';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useExportReport, useReportOverview, type ReportOverview } from '../api/reports.api';
import { useChartStyle } from '../hooks/use-chart-style';
import { useReportFilters } from '../hooks/use-report-filters';
import { CascadeSection } from './cascade-section';
import { ChartCard } from './chart-card';
import { CountBarChart } from './count-bar-chart';
import { DeliveryChart } from './delivery-chart';
import { KindPieChart } from './kind-pie-chart';
import { KpiCards } from './kpi-cards';
import { LearningGainSection } from './learning-gain-section';
import { ReportFilters } from './report-filters';
import { SatisfactionSection } from './satisfaction-section';

/** The programme dashboard, loaded as its own chunk with the chart library: only admins open it. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [filters, setFilter, clearFilters] = useReportFilters();
  const overview = useReportOverview(filters);
  const exportCsv = useExportReport('beneficiaries');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('reports.title')}</Title>
        <Group gap="sm">
          <Button
            variant="default"
            onClick={clearFilters}
            disabled={Object.keys(filters).length === 0}
            data-testid="report-clear"
          >
            {t('reports.filters.clear')}
          </Button>
          <Button
            variant="light"
            onClick={() => exportCsv.mutate(filters)}
            loading={exportCsv.isPending}
            data-testid="report-export"
          >
            {t('reports.export')}
          </Button>
        </Group>
      </Group>
      {exportCsv.error != null && <ErrorAlert error={exportCsv.error} testId="report-export-error" />}
      <ReportFilters filters={filters} onChange={setFilter} />
      {overview.isPending ? (
        <LoadingState />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Overview overview={overview.data} />
      )}
      <LearningGainSection filters={filters} />
      <SatisfactionSection filters={filters} />
    </Stack>
  );
}

function Overview({ overview }: { overview: ReportOverview }) {
  const { t } = useTranslation();
  const sectorName = useSectorName();
  const networkName = useNetworkName();
  const centreName = useCentreName();
  const style = useChartStyle();
  const { beneficiaries } = overview;
  if (beneficiaries.total === 0 && overview.sessionsHeld === 0)
    return <EmptyResult title={t('reports.empty.title')} description={t('reports.empty.description')} />;

  return (
    <Stack data-testid="report-overview">
      <KpiCards overview={overview} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard
          title={t('reports.charts.byNetwork')}
          hasData={beneficiaries.byNetwork.length > 0}
          testId="chart-by-network"
        >
          <CountBarChart
            name={t('reports.kpi.beneficiaries')}
            color={style.colors.primary}
            data={beneficiaries.byNetwork.map((row) => ({
              key: row.networkId,
              label: networkName(row.networkId) || row.name,
              count: row.count,
            }))}
          />
        </ChartCard>
        <ChartCard
          title={t('reports.charts.bySector')}
          hasData={beneficiaries.bySector.length > 0}
          testId="chart-by-sector"
        >
          <CountBarChart
            name={t('reports.kpi.beneficiaries')}
            color={style.colors.secondary}
            data={beneficiaries.bySector.map((row) => ({
              key: row.sectorCode,
              label: sectorName(row.sectorCode),
              count: row.count,
            }))}
          />
        </ChartCard>
        <ChartCard
          title={t('reports.charts.byCentre')}
          hasData={beneficiaries.byCentre.length > 0}
          testId="chart-by-centre"
        >
          <CountBarChart
            name={t('reports.kpi.beneficiaries')}
            color={style.colors.accent}
            data={beneficiaries.byCentre.map((row) => ({
              key: row.centreId,
              label: centreName(row.centreId) || row.name,
              count: row.count,
            }))}
          />
        </ChartCard>
        <ChartCard
          title={t('reports.charts.byKind')}
          hasData={beneficiaries.byCohortKind.some((row) => row.count > 0)}
          testId="chart-by-kind"
        >
          <KindPieChart
            data={beneficiaries.byCohortKind.map((row) => ({
              key: row.kind,
              label: t(`cohorts.kind.${row.kind}`),
              count: row.count,
            }))}
          />
        </ChartCard>
      </SimpleGrid>
      <ChartCard
        title={t('reports.charts.overTime')}
        hasData={overview.byMonth.length > 0}
        testId="chart-over-time"
      >
        <DeliveryChart months={overview.byMonth} />
      </ChartCard>
      <CascadeSection cascade={overview.cascade} />
    </Stack>
  );
}
