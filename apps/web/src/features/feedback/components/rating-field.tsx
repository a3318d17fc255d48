import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const SCORES = [1, 2, 3, 4, 5] as const;

interface RatingFieldProps {
  name: string;
  label: string;
  value: number | null;
  onChange: (value: number) => void;
  error?: string;
}

/**
 * A 1–5 rating as a group of radio buttons: the arrow keys move between the scores, and a screen
 * reader reads the question, then each score with its meaning at both ends.
 */
export function RatingField({ name, label, value, onChange, error }: RatingFieldProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      name={name}
      label={label}
      description={t('feedback.scale')}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
      error={error}
      withAsterisk
      data-testid={`feedback-${name}`}
    >
      <Group gap="md" mt="xs">
        {SCORES.map((score) => (
          <Radio
            key={score}
            value={String(score)}
            label={String(score)}
            aria-label={
              score === 1
                ? `1 – ${t('feedback.low')}`
                : score === 5
                  ? `5 – ${t('feedback.high')}`
                  : String(score)
            }
          />
        ))}
      </Group>
    </Radio.Group>
  );
}
