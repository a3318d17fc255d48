import { Navigate, Route, Routes } from 'react-router';
import { AdminCoursesPage } from './admin-courses-page';
import { CentresPage } from './centres-page';
import { CourseCreatePage, CourseEditPage } from './course-edit-page';
import { NetworksPage } from './networks-page';
import { UsersPage } from './users-page';

/** The admin area, loaded as its own chunk: most users never open it. */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="courses" replace />} />
      <Route path="networks" element={<NetworksPage />} />
      <Route path="centres" element={<CentresPage />} />
      <Route path="courses" element={<AdminCoursesPage />} />
      <Route path="courses/new" element={<CourseCreatePage />} />
      <Route path="courses/:id" element={<CourseEditPage />} />
      <Route path="users" element={<UsersPage />} />
    </Routes>
  );
}
