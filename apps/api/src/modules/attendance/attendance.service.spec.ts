import { Test, TestingModule } from '@nestjs/testing';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortPolicy } from '@/modules/cohorts/cohort-policy';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { UsersService } from '@/modules/identity/users.service';
import { LiveSessionEntity } from '@/modules/live/live-session.entity';
import { SessionNoticesService } from '@/modules/live/session-notices.service';
import { SessionsService } from '@/modules/live/sessions.service';
import { RemindersService } from '@/modules/notifications/reminders.service';
import { AttendanceMarkEntity } from './attendance-mark.entity';
import { AttendanceSegmentEntity } from './attendance-segment.entity';
import { AttendanceService } from './attendance.service';

/** `live` publishes that a session's times moved; attendance, which depends on it, listens. */
describe('AttendanceService when a session’s times change', () => {
  let moduleRef: TestingModule;
  let sessions: SessionsService;
  let manager: { query: jest.Mock };

  beforeEach(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [EventEmitterModule.forRoot()],
      providers: [
        SessionsService,
        AttendanceService,
        ...[
          getRepositoryToken(LiveSessionEntity),
          getRepositoryToken(AttendanceSegmentEntity),
          getRepositoryToken(AttendanceMarkEntity),
          DataSource,
          AppConfig,
          CohortAccessService,
          CohortPolicy,
          UsersService,
          RemindersService,
          SessionNoticesService,
          AuditService,
        ].map((token) => ({ provide: token, useValue: {} })),
      ],
    }).compile();
    sessions = moduleRef.get(SessionsService);
    manager = { query: jest.fn().mockResolvedValue([]) };
  });
  afterEach(() => moduleRef.close());

  it("computes everyone's presence of the session again, in the transaction that moved it", async () => {
    await moduleRef.init();
    await sessions.timesChanged('session-1', manager as unknown as EntityManager);
    expect(manager.query).toHaveBeenCalledTimes(1);
    expect(manager.query).toHaveBeenCalledWith(expect.stringContaining('attendance_'), [
      [],
      [],
      ['session-1'],
    ]);
  });

  it('fails the move when the presence cannot be computed, so that its transaction rolls back', async () => {
    await moduleRef.init();
    manager.query.mockRejectedValue(new Error('deadlock detected'));
    await expect(sessions.timesChanged('session-1', manager as unknown as EntityManager)).rejects.toThrow(
      'deadlock detected',
    );
  });

  it('waits for the listeners of a process that is still starting (a job may run before they subscribe)', async () => {
    const published = sessions.timesChanged('session-1', manager as unknown as EntityManager);
    await moduleRef.init();
    await published;
    expect(manager.query).toHaveBeenCalledTimes(1);
  });
});
