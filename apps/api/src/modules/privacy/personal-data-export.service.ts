import { Injectable } from '@nestjs/common';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import type { Statement } from '@/core/database/sql-params';
import { AuditService } from '@/modules/audit/audit.service';
import { computeAttendance } from '@/modules/attendance/attendance-calculator';
import { renderExportSummary } from './export-summary';
import * as queries from './personal-data.queries';
import type { PersonalData } from './personal-data';
import { PersonNotFoundError } from './privacy.errors';

export interface PersonalDataArchive {
  filename: string;
  zip: Buffer;
}

type Row = Record<string, unknown>;
type CertificateRow = Omit<PersonalData['certificates'][number], 'pdfFile'> & { pdf: Buffer | null };

/** Timestamps as the API answers them (ISO 8601, UTC), whatever the driver handed back. */
const plain = <T>(rows: Row[]): T => JSON.parse(JSON.stringify(rows)) as T;

/**
 * A person's data as one ZIP (the right of access of law 09-08, the GDPR and the FADP): data.json
 * with everything the platform holds about them, summary.html in their language, and their
 * certificates' PDFs as issued.
 */
@Injectable()
export class PersonalDataExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The caller's own data. */
  mine(actor: AuthUser): Promise<PersonalDataArchive> {
    return this.archive(actor.id);
  }

  /** An admin's export on a person's behalf (a request made by letter, say): audited. */
  async onBehalf(userId: string, actor: AuthUser): Promise<PersonalDataArchive> {
    const archive = await this.archive(userId);
    await this.audit.record([
      { actorId: actor.id, action: 'user.data-exported', entityType: 'user', entityId: userId },
    ]);
    return archive;
  }

  private async archive(userId: string): Promise<PersonalDataArchive> {
    // One snapshot, so that the JSON and the PDFs agree even while the worker issues certificates.
    const { data, pdfs } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const read = ([text, values]: Statement) => manager.query<Row[]>(text, values);
      const [profile] = await read(queries.profile(userId));
      if (!profile) throw new PersonNotFoundError();
      const certificateRows = (await read(queries.certificates(userId))) as unknown as CertificateRow[];
      const collected: PersonalData = {
        exportedAt: new Date().toISOString(),
        profile: plain<PersonalData['profile'][]>([profile])[0],
        enrollments: plain(await read(queries.enrollments(userId))),
        teaching: plain(await read(queries.teaching(userId))),
        attendance: plain<Omit<PersonalData['attendance'][number], 'status' | 'minutesPresent'>[]>(
          await read(queries.attendance(userId)),
        ).map(withFigures),
        certificates: plain<CertificateRow[]>(certificateRows.map(({ pdf: _pdf, ...c }) => c)).map(
          (c, i) => ({
            ...c,
            pdfFile: certificateRows[i].pdf ? `certificates/certificate-${c.code}.pdf` : null,
          }),
        ),
        notifications: plain(await read(queries.notifications(userId))),
        chatMessages: plain(await read(queries.chatMessages(userId))),
        recordingConsents: plain(await read(queries.recordingConsents(userId))),
        materialCompletions: plain(await read(queries.materialCompletions(userId))),
        recordingViews: plain(await read(queries.recordingViews(userId))),
        notificationPreferences: plain(await read(queries.notificationPreferences(userId))),
        remindersSent: plain(await read(queries.remindersSent(userId))),
        roomRemovals: plain(await read(queries.roomRemovals(userId))),
        staffWork: plain(await read(queries.staffWork(userId))),
        boardPosts: plain(await read(queries.boardPosts(userId))),
        accountActivity: plain(await read(queries.accountActivity(userId))),
        quizAttempts: plain(await read(queries.quizAttempts(userId))),
        sessionFeedback: plain(await read(queries.sessionFeedback(userId))),
      };
      return { data: collected, pdfs: certificateRows };
    });

    const files: Zippable = {
      'data.json': strToU8(JSON.stringify(data, null, 2)),
      'summary.html': strToU8(renderExportSummary(data)),
    };
    data.certificates.forEach((c, i) => {
      const pdf = pdfs[i].pdf;
      // PDFs are compressed already: stored as they are.
      if (c.pdfFile && pdf) files[c.pdfFile] = [new Uint8Array(pdf), { level: 0 }];
    });
    const day = data.exportedAt.slice(0, 10);
    return {
      filename: `mre-academy-personal-data-${day}.zip`,
      zip: Buffer.from(zipSync(files, { level: 6, mtime: new Date(data.exportedAt) })),
    };
  }
}

/** The session's status and minutes as the platform counts them: correction, check-in, then connections. */
function withFigures(
  row: Omit<PersonalData['attendance'][number], 'status' | 'minutesPresent'>,
): PersonalData['attendance'][number] {
  const start = new Date(row.startsAt);
  const end = new Date(row.endsAt);
  const live = computeAttendance({
    scheduledStart: start,
    scheduledEnd: end,
    openUntil: new Date(Math.min(Date.now(), end.getTime())),
    segments: row.connections
      .filter((c) => c.joinedAt !== null)
      .map((c) => ({
        joinedAt: new Date(c.joinedAt as string),
        leftAt: c.leftAt ? new Date(c.leftAt) : null,
      })),
  });
  const checkedIn = row.checkedInAt !== null;
  const status = (row.correctedStatus ??
    (checkedIn ? 'present' : live.status)) as PersonalData['attendance'][number]['status'];
  const minutesPresent = checkedIn
    ? Math.round((end.getTime() - start.getTime()) / 60_000)
    : live.minutesPresent;
  // json_build_object writes timestamps its own way (+00:00): the export answers as the API does.
  const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);
  const connections = row.connections.map((c) => ({ joinedAt: iso(c.joinedAt), leftAt: iso(c.leftAt) }));
  return { ...row, connections, status, minutesPresent };
}
