import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNetworkName } from '@/shared/api/reference-data.queries';
import type { ReportOverview } from '../api/reports.api';
import { useChartStyle } from '../hooks/use-chart-style';
import { useReportFormat } from '../hooks/use-report-format';
import { ChartCard } from './chart-card';
import { LABEL_WIDTH, ROW_HEIGHT } from './count-bar-chart';

type Cascade = ReportOverview['cascade'];

/**
 * The train-the-trainer cascade: each network's direct beneficiaries, the people reached through the
 * trainers it certified, and the chain from its trainers cohorts to the cohorts they teach.
 */
export function CascadeSection({ cascade }: { cascade: Cascade }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="cascade">
      <Title order={2}>{t('reports.cascade.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('reports.cascade.hint')}
      </Text>
      <ChartCard title={t('reports.cascade.chart')} hasData={cascade.length > 0} testId="chart-cascade">
        <CascadeChart cascade={cascade} />
      </ChartCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {cascade.map((network) => (
          <NetworkChain key={network.networkId} network={network} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CascadeChart({ cascade }: { cascade: Cascade }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const format = useReportFormat();
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, cascade.length * ROW_HEIGHT + 60)}>
      <BarChart data={cascade} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 16 }}>
        <CartesianGrid horizontal={false} stroke={style.colors.grid} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} reversed={style.rtl} tickFormatter={format.number} />
        <YAxis type="category" dataKey="name" width={LABEL_WIDTH} orientation={style.start} />
        <Tooltip formatter={(value) => format.number(Number(value))} />
        <Legend />
        <Bar
          dataKey="direct"
          stackId="people"
          name={t('reports.cascade.direct')}
          fill={style.colors.primary}
          isAnimationActive={false}
        />
        <Bar
          dataKey="indirect"
          stackId="people"
          name={t('reports.cascade.indirect')}
          fill={style.colors.tertiary}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

function NetworkChain({ network }: { network: Cascade[number] }) {
  const { t } = useTranslation();
  const networkName = useNetworkName();
  const format = useReportFormat();
  return (
    <Paper withBorder p="md" data-testid="cascade-network">
      <Group justify="space-between" mb="sm">
        <Title order={3} dir="auto" data-testid="cascade-network-name">
          {networkName(network.networkId) || network.name}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color="teal" data-testid="cascade-direct">
            {t('reports.cascade.directCount', { value: format.number(network.direct) })}
          </Badge>
          <Badge variant="light" color="grape" data-testid="cascade-indirect">
            {t('reports.cascade.indirectCount', { value: format.number(network.indirect) })}
          </Badge>
        </Group>
      </Group>
      {network.chain.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.cascade.noChain')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table data-testid="cascade-chain">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.cascade.trainersCohort')}</Table.Th>
                <Table.Th>{t('reports.cascade.certifiedTrainers')}</Table.Th>
                <Table.Th>{t('reports.cascade.taughtCohorts')}</Table.Th>
                <Table.Th>{t('reports.cascade.trainees')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {network.chain.map((link) => (
                <Table.Tr key={link.trainersCohortId}>
                  <Table.Td dir="auto">{link.trainersCohortName}</Table.Td>
                  <Table.Td>{format.number(link.certifiedTrainers)}</Table.Td>
                  <Table.Td>{format.number(link.taughtCohorts)}</Table.Td>
                  <Table.Td>{format.number(link.trainees)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
