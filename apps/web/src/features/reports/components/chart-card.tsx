import type { ReactNode } from 'react';
import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ChartCardProps {
  title: string;
  /** False when the chart would have nothing to draw: a sentence instead of empty axes. */
  hasData: boolean;
  testId: string;
  children: ReactNode;
}

export function ChartCard({ title, hasData, testId, children }: ChartCardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={2} size="h3" mb="sm">
        {title}
      </Title>
      {hasData ? (
        // Recharts lays out its SVG text for left-to-right (an RTL `direction` flips every text
        // anchor): the charts mirror themselves through their axes instead, see useChartSides.
        <div dir="ltr">{children}</div>
      ) : (
        <Text c="dimmed" size="sm" py="xl" ta="center" data-testid={`${testId}-empty`}>
          {t('reports.charts.noData')}
        </Text>
      )}
    </Paper>
  );
}
