import { Route, Routes } from 'react-router';
import { CohortPage } from './cohort-page';
import QuizResultsPage from '@/features/quizzes/components/quiz-results-page';
import { CohortsPage } from './cohorts-page';

/** The staff's cohort pages (admins, coordinators, teachers), loaded as their own chunk. */
export default function CohortRoutes() {
  return (
    <Routes>
      <Route index element={<CohortsPage />} />
      <Route path=":id" element={<CohortPage />} />
      <Route path=":id/quizzes/:quizId" element={<QuizResultsPage />} />
    </Routes>
  );
}
