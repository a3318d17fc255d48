import { useState, type ComponentProps } from 'react';
import { Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { isUnfinished, useJob } from '@/features/jobs/api/jobs.api';
import { JobProgress } from '@/features/jobs/components/job-progress';
import { cohortKeys } from '../api/cohorts.api';
import { readOriginalFile, type OriginalFile } from '../api/error-report';
import { importResultOf, useStartImport } from '../api/import.api';
import { ImportSummary } from './import-summary';

// The hidden <input type="file"> itself, which browser tests fill.
const FILE_INPUT_PROPS: ComponentProps<'input'> & { 'data-testid': string } = {
  'data-testid': 'import-file-input',
};

/** Uploads a CSV of people to enroll, then follows the import job until its report. */
export function CsvImport({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const start = useStartImport(cohortId);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // Read in the browser, so that the error report repeats the refused rows as they were.
  const [original, setOriginal] = useState<OriginalFile | undefined>();
  // Once it has completed, the roster and the counts (in lists too) are fetched again.
  const job = useJob(jobId, cohortKeys.all);
  const busy = start.isPending || (jobId !== null && isUnfinished(job));
  const result = importResultOf(job.data);

  const upload = () => {
    if (!file) return;
    setJobId(null);
    setOriginal(undefined);
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') setOriginal(readOriginalFile(reader.result));
    };
    reader.readAsText(file);
    start.mutate(file, { onSuccess: (started) => setJobId(started.jobId) });
  };

  return (
    <Paper withBorder p="md" data-testid="csv-import">
      <Stack>
        <Title order={2}>{t('cohorts.import.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('cohorts.import.hint')}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t('cohorts.import.file')}
            placeholder={t('cohorts.import.choose')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('cohorts.import.clearFile') }}
            miw={280}
            fileInputProps={FILE_INPUT_PROPS}
            data-testid="import-file"
          />
          <Button onClick={upload} disabled={!file || busy} loading={busy} data-testid="import-start">
            {t('cohorts.import.start')}
          </Button>
        </Group>
        {start.error != null && (
          <ErrorAlert error={start.error} title={t('cohorts.import.rejected')} testId="import-upload-error" />
        )}
        {jobId !== null && (
          <JobProgress
            job={job}
            texts={{
              state: (state) => t(`cohorts.import.state.${state}`),
              progress: t('cohorts.import.progress'),
            }}
            testId="import"
          >
            {result && <ImportSummary result={result} original={original} />}
          </JobProgress>
        )}
      </Stack>
    </Paper>
  );
}
