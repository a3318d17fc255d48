import { Alert, Anchor, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { errorReportHref, type OriginalFile } from '../api/error-report';
import { rowProblemText } from '../api/row-problem';

type ImportResult = Schemas['ImportResultDto'];

/** How many rows the page lists; the downloadable report has them all. */
const SHOWN_ERRORS = 10;

const COUNTS = ['created', 'enrolled', 'waitlisted', 'skipped'] as const;

export function ImportSummary({ result, original }: { result: ImportResult; original?: OriginalFile }) {
  const { t, i18n } = useTranslation();
  const errors = result.errors;
  return (
    <Stack data-testid="import-summary">
      <Alert color={errors.length > 0 ? 'yellow' : 'green'} title={t('cohorts.import.done')}>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {COUNTS.map((name) => (
            <Stat
              key={name}
              label={t(`cohorts.import.result.${name}`)}
              value={result[name]}
              testId={`import-${name}`}
            />
          ))}
          <Stat label={t('cohorts.import.result.errors')} value={errors.length} testId="import-errors" />
        </SimpleGrid>
      </Alert>
      {errors.length > 0 && (
        <Stack gap="xs">
          <List size="sm" data-testid="import-error-list">
            {errors.slice(0, SHOWN_ERRORS).map((error) => (
              <List.Item key={error.row}>
                {t('cohorts.import.rowError', { row: error.row })}{' '}
                <bdi dir={error.code ? i18n.dir() : 'ltr'}>{rowProblemText(t, error)}</bdi>
              </List.Item>
            ))}
          </List>
          {errors.length > SHOWN_ERRORS && (
            <Text size="sm" c="dimmed">
              {t('cohorts.import.moreErrors', { count: errors.length - SHOWN_ERRORS })}
            </Text>
          )}
          <Anchor
            href={errorReportHref(errors, {
              describe: (error) => rowProblemText(t, error, { bidi: false }),
              labels: { row: t('cohorts.import.report.row'), problem: t('cohorts.import.report.problem') },
              // A French or Arabic Excel splits on `;` (`,` is its decimal mark).
              separator: i18n.language === 'en' ? ',' : ';',
              original,
            })}
            download="import-errors.csv"
            size="sm"
            data-testid="import-error-report"
          >
            {t('cohorts.import.downloadReport')}
          </Anchor>
        </Stack>
      )}
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
