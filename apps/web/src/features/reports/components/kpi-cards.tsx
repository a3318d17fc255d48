import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportOverview } from '../api/reports.api';
import { useReportFormat } from '../hooks/use-report-format';

/** The headline figures the ministry reports ("351 people benefited"). */
export function KpiCards({ overview }: { overview: ReportOverview }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const cards = [
    { id: 'beneficiaries', value: format.number(overview.beneficiaries.total) },
    { id: 'sessions-held', value: format.number(overview.sessionsHeld) },
    { id: 'hours-delivered', value: format.number(overview.hoursDelivered) },
    { id: 'average-attendance', value: format.percent(overview.averageAttendancePercent) },
    { id: 'certificates-issued', value: format.number(overview.certificatesIssued) },
  ] as const;

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
      {cards.map((card) => (
        <Paper key={card.id} withBorder p="md" data-testid={`kpi-${card.id}`}>
          <Text size="sm" c="dimmed">
            {t(`reports.kpi.${card.id}`)}
          </Text>
          <Text fz={28} fw={700} data-testid={`kpi-${card.id}-value`}>
            <bdi>{card.value}</bdi>
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
