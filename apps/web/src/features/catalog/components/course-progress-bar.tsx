import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourseProgress } from '../api/material-progress';

/** How many of the course's files the trainee marked done, as a bar and in words. */
export function CourseProgressBar({ progress }: { progress: CourseProgress }) {
  const { t } = useTranslation();
  const { doneCount, totalCount } = progress;
  const label =
    totalCount === 0
      ? t('course.progress.noFiles')
      : t('course.progress.label', { done: doneCount, total: totalCount });
  return (
    <Stack gap={4} data-testid="course-progress">
      <Progress
        value={totalCount === 0 ? 0 : (doneCount * 100) / totalCount}
        size="sm"
        color="teal"
        aria-label={label}
        data-testid="course-progress-bar"
      />
      <Text size="xs" c="dimmed" data-testid="course-progress-label">
        {label}
      </Text>
    </Stack>
  );
}
