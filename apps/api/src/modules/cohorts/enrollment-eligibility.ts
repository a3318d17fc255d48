import type { Role } from '@mre/contracts';

interface Person {
  role: Role;
  centreId: string | null;
}

/**
 * Whether `actor` may enroll `person` in a cohort held at `cohortCentreId`. Only trainees are
 * enrolled; a coordinator enrolls only their own centre's people (new e-mails become exactly
 * that), so an admin alone brings in someone from elsewhere.
 */
export function mayEnroll(person: Person, cohortCentreId: string, actor: { role: Role }): boolean {
  return person.role === 'trainee' && (actor.role === 'admin' || person.centreId === cohortCentreId);
}
