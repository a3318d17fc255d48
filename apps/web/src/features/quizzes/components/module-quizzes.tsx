import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '@mre/api-client';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useModuleQuizzes } from '../api/quizzes.api';

/** The quizzes of each module of a course, for its editors: a list to open, and "new quiz". */
export function ModuleQuizzes({ course }: { course: Schemas['CourseDetailDto'] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <Stack gap="sm" component="section" aria-labelledby="module-quizzes" data-testid="module-quizzes">
      <Title order={2} id="module-quizzes">
        {t('quizzes.editor.section')}
      </Title>
      {course.modules.length === 0 && <Text c="dimmed">{t('quizzes.editor.noModules')}</Text>}
      {course.modules.map((module) => (
        <Card key={module.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap" mb="xs">
            <Text fw={600} dir="auto">
              {localize(module.title)}
            </Text>
            <Button
              component={Link}
              to={`/courses/${course.id}/modules/${module.id}/quizzes/new`}
              size="xs"
              variant="light"
              data-testid="module-new-quiz"
            >
              {t('quizzes.editor.new')}
            </Button>
          </Group>
          <QuizList courseId={course.id} moduleId={module.id} />
        </Card>
      ))}
    </Stack>
  );
}

function QuizList({ courseId, moduleId }: { courseId: string; moduleId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const quizzes = useModuleQuizzes({ courseId, moduleId });
  if (quizzes.isPending) return <LoadingState />;
  if (quizzes.isLoadingError)
    return <ErrorState error={quizzes.error} onRetry={() => void quizzes.refetch()} />;
  if (quizzes.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('quizzes.editor.none')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {quizzes.data.map((quiz) => (
        <Group key={quiz.id} gap="xs" wrap="nowrap">
          <Anchor
            component={Link}
            to={`/courses/${courseId}/modules/${moduleId}/quizzes/${quiz.id}`}
            dir="auto"
          >
            {localize(quiz.title)}
          </Anchor>
          <Badge variant="light" size="sm">
            {t(`quizzes.purpose.${quiz.purpose}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('quizzes.questions', { count: quiz.questions.length })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
