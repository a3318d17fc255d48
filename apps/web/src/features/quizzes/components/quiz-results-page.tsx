import { Anchor, Badge, Card, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocale } from '@/shared/hooks/use-locale';
import { useLocalize } from '@/shared/hooks/use-localize';
import { formatPercent } from '@/shared/lib/format-percent';
import { useQuizResults } from '../api/quizzes.api';

/** A quiz's results in one cohort: each trainee's score, and how each question and choice fared. */
export default function QuizResultsPage() {
  const { t } = useTranslation();
  const [locale] = useLocale();
  const localize = useLocalize();
  const { id = '', quizId = '' } = useParams();
  const results = useQuizResults(id, quizId);
  const percent = (value: number | null) => (value === null ? '—' : formatPercent(value / 100, locale, 1));
  if (results.isPending) return <LoadingState />;
  if (results.isLoadingError)
    return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const { quiz, trainees, items, averagePercent } = results.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/cohorts/${id}`} size="sm">
        {t('quizzes.results.back')}
      </Anchor>
      <Title order={1} dir="auto">
        {localize(quiz.title)}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact
          label={t('quizzes.results.submitted')}
          value={`${quiz.submittedCount ?? 0} / ${trainees.length}`}
        />
        <Fact label={t('quizzes.results.average')} value={percent(averagePercent)} />
        <Fact label={t('quizzes.results.passMark')} value={formatPercent(quiz.passPercent / 100, locale)} />
      </SimpleGrid>
      <Title order={2} size="h3">
        {t('quizzes.results.trainees')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table data-testid="quiz-results-trainees">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quizzes.results.name')}</Table.Th>
              <Table.Th>{t('quizzes.results.attempts')}</Table.Th>
              <Table.Th>{t('quizzes.results.best')}</Table.Th>
              <Table.Th>{t('quizzes.results.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trainees.map((row) => (
              <Table.Tr key={row.userId}>
                <Table.Td dir="auto">{row.fullName}</Table.Td>
                <Table.Td>{row.attempts}</Table.Td>
                <Table.Td>{percent(row.bestPercent)}</Table.Td>
                <Table.Td>
                  {row.attempts === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('quizzes.results.notTaken')}
                    </Text>
                  ) : (
                    <Badge color={row.passed ? 'green' : 'orange'} variant="light">
                      {row.passed ? t('quizzes.result.passed') : t('quizzes.result.notPassed')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h3">
        {t('quizzes.results.items')}
      </Title>
      {items.map((item, index) => (
        <Card key={item.questionId} withBorder padding="sm" data-testid="quiz-item">
          <Text fw={600} dir="auto">
            {index + 1}. {localize(item.prompt)}
          </Text>
          <Text size="sm" c="dimmed" mb={4}>
            {t('quizzes.results.right', { percent: percent(item.percentRight), count: item.answered })}
          </Text>
          <Progress value={item.percentRight ?? 0} color="green" aria-hidden />
          {item.choices && (
            <Stack gap={2} mt="xs">
              {item.choices.map((choice) => (
                <Text key={choice.id} size="sm">
                  <bdi>{localize(choice.text)}</bdi>
                  {choice.correct ? ` ✓` : ''} — {percent(choice.percentChosen)}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="lg" fw={700}>
        {value}
      </Text>
    </Card>
  );
}
