import type { ReactNode } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useExportReport, type ReportFile, type ReportFilters } from '../api/reports.api';

interface ExportableReportProps<T> {
  file: Extract<ReportFile, 'learning-gain' | 'satisfaction'>;
  filters: ReportFilters;
  report: UseQueryResult<T>;
  texts: { title: string; export: string; hint: string };
  /** The report once loaded. */
  children: (data: T) => ReactNode;
}

/** A dashboard section: its title with a CSV export of the same filters, a hint, then the report. */
export function ExportableReport<T>({ file, filters, report, texts, children }: ExportableReportProps<T>) {
  const exportCsv = useExportReport(file);
  return (
    <Stack component="section" data-testid={file}>
      <Group justify="space-between">
        <Title order={2}>{texts.title}</Title>
        <Button
          variant="light"
          onClick={() => exportCsv.mutate(filters)}
          loading={exportCsv.isPending}
          data-testid={`${file}-export`}
        >
          {texts.export}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {texts.hint}
      </Text>
      {exportCsv.error != null && <ErrorAlert error={exportCsv.error} />}
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        children(report.data as T)
      )}
    </Stack>
  );
}
