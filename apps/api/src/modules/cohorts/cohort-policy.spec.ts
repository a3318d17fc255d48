import type { EnrollmentStatus } from '@mre/contracts';
import type { AuthUser } from '@/core/auth/auth-user';
import {
  isAttending,
  mayInClasses,
  permissionsOf,
  relationOf,
  seesCohort,
  type CohortTies,
} from './cohort-policy';

const CENTRE = 'centre-kenitra';
const person = (role: AuthUser['role'], centreId: string | null = null): AuthUser => ({
  id: `${role}-${centreId ?? 'none'}`,
  role,
  centreId,
  networkId: null,
});
const admin = person('admin');
const coordinator = person('coordinator', CENTRE);
const otherCoordinator = person('coordinator', 'centre-sale');
const expert = person('expert');
const trainee = person('trainee');

const ties = (overrides: Partial<CohortTies> = {}): CohortTies => ({
  centreId: CENTRE,
  teaches: false,
  enrollment: null,
  ...overrides,
});
const enrolled = (enrollment: EnrollmentStatus) => ties({ enrollment });

describe('relationOf', () => {
  const sut = (t: CohortTies, actor: AuthUser) =>
    relationOf({ ...t, attends: isAttending(t.enrollment) }, actor);

  it('ranks admin, then teaching, then coordinating the centre, then attending', () => {
    expect(sut(ties({ teaches: true }), admin)).toBe('admin');
    expect(sut(ties({ teaches: true }), coordinator)).toBe('teacher');
    expect(sut(ties(), coordinator)).toBe('coordinator');
    expect(sut(enrolled('active'), trainee)).toBe('trainee');
  });

  it('gives none to a coordinator of another centre, or to anyone not attending', () => {
    expect(sut(ties(), otherCoordinator)).toBeNull();
    expect(sut(ties(), expert)).toBeNull();
    for (const status of ['waitlisted', 'completed', 'withdrawn'] as const)
      expect(sut(enrolled(status), trainee)).toBeNull();
  });
});

describe('seesCohort', () => {
  it('shows a cohort to admins, its centre coordinator, its teachers', () => {
    expect(seesCohort(ties(), admin)).toBe(true);
    expect(seesCohort(ties(), coordinator)).toBe(true);
    expect(seesCohort(ties({ teaches: true }), expert)).toBe(true);
  });

  it('shows it to the enrolled, a waitlisted or completed place included, until they withdraw', () => {
    for (const status of ['active', 'waitlisted', 'completed'] as const)
      expect(seesCohort(enrolled(status), trainee)).toBe(true);
    expect(seesCohort(enrolled('withdrawn'), trainee)).toBe(false);
  });

  it('hides it from everyone else', () => {
    expect(seesCohort(ties(), otherCoordinator)).toBe(false);
    expect(seesCohort(ties(), person('coordinator'))).toBe(false);
    expect(seesCohort(ties(), expert)).toBe(false);
    expect(seesCohort(ties(), trainee)).toBe(false);
  });
});

describe('permissionsOf', () => {
  const none = {
    edit: false,
    manage: false,
    viewRoster: false,
    issueCertificates: false,
    revokeCertificates: false,
    scheduleSessions: false,
  };

  it('lets an admin do everything', () => {
    expect(permissionsOf(ties(), admin)).toEqual({
      edit: true,
      manage: true,
      viewRoster: true,
      issueCertificates: true,
      revokeCertificates: true,
      scheduleSessions: true,
    });
  });

  it("lets the centre's coordinator manage the roster, not edit, certify or schedule", () => {
    expect(permissionsOf(ties(), coordinator)).toEqual({ ...none, manage: true, viewRoster: true });
  });

  it('lets a teacher see the roster and schedule sessions', () => {
    expect(permissionsOf(ties({ teaches: true }), expert)).toEqual({
      ...none,
      viewRoster: true,
      scheduleSessions: true,
    });
  });

  it('lets a coordinator who teaches a cohort of their centre both manage it and schedule its sessions', () => {
    expect(permissionsOf(ties({ teaches: true }), coordinator)).toEqual({
      ...none,
      manage: true,
      viewRoster: true,
      scheduleSessions: true,
    });
  });

  it('gives trainees, whatever their enrollment, and outsiders nothing', () => {
    for (const status of ['active', 'waitlisted', 'completed', 'withdrawn'] as const)
      expect(permissionsOf(enrolled(status), trainee)).toEqual(none);
    expect(permissionsOf(ties(), otherCoordinator)).toEqual(none);
    expect(permissionsOf(ties(), expert)).toEqual(none);
  });
});

describe('mayInClasses', () => {
  it('lets every relation attend, hosts host, staff run, and admins and coordinators check in', () => {
    const table = (['admin', 'teacher', 'coordinator', 'trainee'] as const).map((relation) => [
      relation,
      (['attend', 'host', 'run', 'checkIn'] as const).filter((action) => mayInClasses(relation, action)),
    ]);
    expect(table).toEqual([
      ['admin', ['attend', 'host', 'run', 'checkIn']],
      ['teacher', ['attend', 'host', 'run']],
      ['coordinator', ['attend', 'run', 'checkIn']],
      ['trainee', ['attend']],
    ]);
  });
});
