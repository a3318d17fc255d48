import { useState } from 'react';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { COHORT_KINDS } from '@mre/contracts';
import { useAllCentres } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCourseOptions, type CohortFilters as Filters } from '../api/cohorts.api';
import type { useCohortFilters } from '../hooks/use-cohort-filters';

interface CohortFiltersProps {
  filters: Filters;
  onChange: ReturnType<typeof useCohortFilters>[1];
}

export function CohortFilters({ filters, onChange }: CohortFiltersProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const courses = useCourseOptions();
  const centres = useAllCentres();
  const [q, setQ] = useState(filters.q ?? '');
  // One request once the user pauses typing, not one per key.
  const searchLater = useDebouncedCallback((value: string) => onChange('q', value.trim() || null), 300);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <TextInput
        type="search"
        label={t('catalog.search')}
        placeholder={t('cohorts.list.searchPlaceholder')}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          searchLater(event.currentTarget.value);
        }}
        data-testid="cohort-search"
      />
      <Select
        label={t('cohorts.fields.course')}
        placeholder={t('cohorts.list.allCourses')}
        data={(courses.data ?? []).map((course) => ({
          value: course.id,
          label: `${course.code} — ${localize(course.title)}`,
        }))}
        value={filters.courseId ?? null}
        onChange={(value) => onChange('courseId', value)}
        clearable
        searchable
        data-testid="cohort-course-filter"
      />
      <Select
        label={t('fields.centre')}
        placeholder={t('cohorts.list.allCentres')}
        data={(centres.data ?? []).map((centre) => ({ value: centre.id, label: localize(centre.names) }))}
        value={filters.centreId ?? null}
        onChange={(value) => onChange('centreId', value)}
        clearable
        searchable
        data-testid="cohort-centre-filter"
      />
      <Select
        label={t('fields.kind')}
        placeholder={t('cohorts.list.allKinds')}
        data={COHORT_KINDS.map((kind) => ({ value: kind, label: t(`cohorts.kind.${kind}`) }))}
        value={filters.kind ?? null}
        onChange={(value) => onChange('kind', value)}
        clearable
        data-testid="cohort-kind-filter"
      />
    </SimpleGrid>
  );
}
