import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AnnouncementsPanel } from './announcements-panel';
import { QuestionsPanel } from './questions-panel';

type Tab = 'announcements' | 'questions';

/**
 * A cohort's announcements and questions, as tabs (the tab is in the address, so that a notice
 * about an answer opens the questions). What each person may do there comes from the API.
 */
export default function CohortBoard({ cohortId, courseId }: { cohortId: string; courseId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = search.get('tab') === 'questions' ? 'questions' : 'announcements';
  const choose = (value: string | null) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === 'questions') next.set('tab', 'questions');
        else next.delete('tab');
        return next;
      },
      { replace: true },
    );
  return (
    <Tabs value={tab} onChange={choose} keepMounted={false} data-testid="cohort-board">
      <Tabs.List>
        <Tabs.Tab value="announcements" data-testid="board-tab-announcements">
          {t('board.announcements.title')}
        </Tabs.Tab>
        <Tabs.Tab value="questions" data-testid="board-tab-questions">
          {t('board.questions.title')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="announcements" pt="md">
        <AnnouncementsPanel cohortId={cohortId} courseId={courseId} />
      </Tabs.Panel>
      <Tabs.Panel value="questions" pt="md">
        <QuestionsPanel cohortId={cohortId} />
      </Tabs.Panel>
    </Tabs>
  );
}
