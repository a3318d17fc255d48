import { UsersPage } from './users-page';

/** The People page on its own route (admins and coordinators), loaded as its own chunk. */
export default function PeoplePage() {
  return <UsersPage />;
}
