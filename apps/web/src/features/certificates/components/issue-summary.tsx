import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';

const COUNTS = ['issued', 'alreadyIssued', 'notEligible', 'heldSessions'] as const;

/**
 * How many certificates an issuing gave, and why others were not: a cohort that requires a passed
 * final quiz with none opened for it certifies nobody, which the summary says in words.
 */
export function IssueSummary({ result }: { result: Schemas['CertificateIssueResultDto'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="issue-summary">
      {result.finalQuizMissing && (
        <Alert color="yellow" role="alert" data-testid="issue-final-quiz-missing">
          {t('certificates.issue.finalQuizMissing')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {COUNTS.map((name) => (
          <Stack key={name} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`certificates.issue.result.${name}`)}
            </Text>
            <Text fw={700} data-testid={`issue-${name}`}>
              {result[name]}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
