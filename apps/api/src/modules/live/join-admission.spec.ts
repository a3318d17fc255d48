import type { AuthUser } from '@/core/auth/auth-user';
import { admit, refusalError, type JoinRules } from './join-admission';
import {
  JoinWindowNotOpenError,
  NotInCohortError,
  RemovedFromRoomError,
  SessionEndedError,
} from './live.errors';

const MINUTE = 60_000;
const start = Date.parse('2027-03-10T09:00:00Z');
const CENTRE = 'centre-kenitra';

const person = (id: string, role: AuthUser['role'], centreId: string | null = null): AuthUser => ({
  id,
  role,
  centreId,
  networkId: null,
});
const trainee = person('trainee', 'trainee');
const expert = person('expert', 'expert');
const coordinator = person('coordinator', 'coordinator', CENTRE);
const admin = person('admin', 'admin');

function rules(overrides: Partial<JoinRules> = {}): JoinRules {
  return {
    session: { status: 'scheduled', startsAt: new Date(start), endsAt: new Date(start + 90 * MINUTE) },
    joinWindowMs: 15 * MINUTE,
    centreId: CENTRE,
    capacity: 30,
    teachers: new Set([expert.id]),
    trainees: new Set([trainee.id]),
    removed: new Set(),
    ...overrides,
  };
}

const sut = admit;

describe('admit', () => {
  describe('admitted', () => {
    it.each([
      ['an attending trainee', trainee, 'trainee'],
      ['a teacher', expert, 'teacher'],
      ["the coordinator of the cohort's centre", coordinator, 'coordinator'],
      ['an admin', admin, 'admin'],
    ])('%s, as their relation to the cohort', (_who, actor, relation) => {
      expect(sut(rules(), actor, start)).toEqual({ admitted: true, relation, roomSize: 41 });
    });

    it('counts teaching before coordinating: a coordinator who teaches the cohort hosts it', () => {
      const teaching = rules({ teachers: new Set([coordinator.id]) });
      expect(sut(teaching, coordinator, start)).toMatchObject({ admitted: true, relation: 'teacher' });
    });

    it("sizes the room by the cohort's places, its teachers and ten more for observers and the recorder", () => {
      const twoTeachers = rules({ capacity: 500, teachers: new Set([expert.id, 'second-expert']) });
      expect(sut(twoTeachers, trainee, start)).toMatchObject({ admitted: true, roomSize: 512 });
    });

    it('from the opening of the join window until just before the end', () => {
      expect(sut(rules(), trainee, start - 15 * MINUTE)).toMatchObject({ admitted: true });
      expect(sut(rules(), trainee, start + 90 * MINUTE - 1)).toMatchObject({ admitted: true });
    });
  });

  describe('refused', () => {
    it.each([
      ['a trainee the cohort does not list as attending', person('other', 'trainee')],
      ['an expert who does not teach the cohort', person('other-expert', 'expert')],
      ['the coordinator of another centre', person('elsewhere', 'coordinator', 'centre-sale')],
      ['a coordinator of no centre', person('nowhere', 'coordinator')],
    ])('%s: not in the cohort', (_who, actor) => {
      expect(sut(rules(), actor, start)).toEqual({ admitted: false, reason: 'not-in-cohort' });
    });

    it('before the join window opens, saying when it opens', () => {
      expect(sut(rules(), trainee, start - 15 * MINUTE - 1)).toEqual({
        admitted: false,
        reason: 'too-early',
        opensAt: new Date(start - 15 * MINUTE),
      });
    });

    it('from the end of the session on', () => {
      expect(sut(rules(), trainee, start + 90 * MINUTE)).toEqual({ admitted: false, reason: 'ended' });
    });

    it('when the session was cancelled, even inside its window', () => {
      const cancelled = rules({ session: { ...rules().session, status: 'cancelled' } });
      expect(sut(cancelled, trainee, start)).toEqual({ admitted: false, reason: 'cancelled' });
    });

    it('when a host removed the person, whatever their relation', () => {
      const removed = rules({ removed: new Set([trainee.id, admin.id]) });
      expect(sut(removed, trainee, start)).toEqual({ admitted: false, reason: 'removed' });
      expect(sut(removed, admin, start)).toEqual({ admitted: false, reason: 'removed' });
    });

    it('says first that a person is not in the cohort, then that the session is closed, then the removal', () => {
      const everything = rules({
        session: { ...rules().session, status: 'cancelled' },
        removed: new Set([trainee.id, 'other']),
      });
      expect(sut(everything, person('other', 'trainee'), start)).toMatchObject({ reason: 'not-in-cohort' });
      expect(sut(everything, trainee, start)).toMatchObject({ reason: 'cancelled' });
      expect(sut(rules({ removed: new Set([trainee.id]) }), trainee, start - MINUTE * 60)).toMatchObject({
        reason: 'too-early',
      });
    });
  });

  describe('refusalError', () => {
    it('answers each refusal with its error', () => {
      const opensAt = new Date(start - 15 * MINUTE);
      expect(refusalError({ reason: 'not-in-cohort' })).toBeInstanceOf(NotInCohortError);
      expect(refusalError({ reason: 'removed' })).toBeInstanceOf(RemovedFromRoomError);
      expect(refusalError({ reason: 'ended' })).toEqual(new SessionEndedError('ended'));
      expect(refusalError({ reason: 'cancelled' })).toEqual(new SessionEndedError('cancelled'));
      const early = refusalError({ reason: 'too-early', opensAt });
      expect(early).toBeInstanceOf(JoinWindowNotOpenError);
      expect(early.details).toEqual({ opensAt: opensAt.toISOString() });
    });
  });
});
