import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CohortKind } from '@mre/contracts';

const COLORS: Record<CohortKind, string> = { trainees: 'blue', trainers: 'grape' };

export function CohortKindBadge({ kind }: { kind: CohortKind }) {
  const { t } = useTranslation();
  return (
    // At its full width: a narrow table column would otherwise cut the label.
    <Badge color={COLORS[kind]} variant="light" flex="none" miw="max-content" data-testid="cohort-kind">
      {t(`cohorts.kind.${kind}`)}
    </Badge>
  );
}
