import { Route, Routes } from 'react-router';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { HomeRedirect } from '@/features/home/components/home-redirect';
import { AppLayout } from '@/features/layout/components/app-layout';
import {
  ADMIN_ONLY,
  COHORT_STAFF,
  COURSE_AUTHORS,
  PEOPLE_MANAGERS,
  TRAINEE_ONLY,
} from '@/features/layout/components/nav-links';
import { NotFoundPage } from '@/features/layout/components/not-found-page';
import { SESSION_STAFF } from '@/features/schedule/lib/staff';
import { later } from './later';
import * as pages from './signed-in-pages';

/**
 * Everything behind the sign-in, in a chunk of its own: the sign-in page, the first page most people
 * see on a weak link, does not download the app it leads to. This chunk is the frame (layout,
 * navigation, guards); each page comes in its own chunk with what it uses (signed-in-pages.ts), so a
 * trainee's home does not download the catalogue's filters, the profile's forms or the admin lists.
 */
export default function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/courses" element={later(<pages.CatalogPage />)} />
        <Route path="/courses/:id" element={later(<pages.CoursePage />)} />
        <Route path="/profile" element={later(<pages.ProfilePage />)} />
        <Route path="/schedule" element={later(<pages.SchedulePage />)} />
        <Route path="/sessions/:id/classroom" element={later(<pages.ClassroomPage />)} />
        <Route path="/attempts/:id" element={later(<pages.AttemptPage />)} />
        {/* Trainees answer, the cohort's staff read the aggregates: the API decides who is which. */}
        <Route path="/sessions/:id/feedback" element={later(<pages.FeedbackPage />)} />
        {/* A cohort's announcements and questions: its trainees and staff; the API answers 404 to others. */}
        <Route path="/cohort-board/:id" element={later(<pages.CohortBoardPage />)} />
        <Route element={<RequireAuth roles={COURSE_AUTHORS} />}>
          <Route path="/courses/:id/edit" element={later(<pages.CourseModulesPage />)} />
          <Route
            path="/courses/:id/modules/:moduleId/quizzes/:quizId"
            element={later(<pages.QuizEditorPage />)}
          />
        </Route>
        <Route element={<RequireAuth roles={SESSION_STAFF} orTeacher />}>
          <Route path="/sessions/:id/attendance" element={later(<pages.AttendancePage />)} />
        </Route>
        <Route element={<RequireAuth roles={TRAINEE_ONLY} />}>
          <Route path="/my-courses" element={later(<pages.MyCoursesPage />)} />
          <Route path="/home" element={later(<pages.TraineeHomePage />)} />
        </Route>
        <Route element={<RequireAuth roles={COHORT_STAFF} orTeacher />}>
          <Route path="/cohorts/*" element={later(<pages.CohortRoutes />)} />
        </Route>
        <Route element={<RequireAuth roles={PEOPLE_MANAGERS} />}>
          <Route path="/people" element={later(<pages.PeoplePage />)} />
        </Route>
        <Route element={<RequireAuth roles={ADMIN_ONLY} />}>
          <Route path="/admin/dashboard" element={later(<pages.DashboardPage />)} />
          <Route path="/admin/audit" element={later(<pages.AuditPage />)} />
          <Route path="/admin/*" element={later(<pages.AdminRoutes />)} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
