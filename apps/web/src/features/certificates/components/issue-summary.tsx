import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';

const COUNTS = ['issued', 'alreadyIssued', 'notEligible', 'heldSessions'] as const;

/** How many certificates an issuing gave, and why others were not. */
export function IssueSummary({ result }: { result: Schemas['CertificateIssueResultDto'] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="issue-summary">
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
  );
}
