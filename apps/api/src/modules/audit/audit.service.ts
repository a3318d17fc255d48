import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { Page, pageWindow } from '@/core/http/pagination';
import { AuditEntity } from './audit.entity';
import { auditNames } from './audit.queries';
import { AuditEntryDto, AuditNames, ListAuditQueryDto } from './dto/audit.dto';

/**
 * Entries about signing in and keeping an account safe. They matter for a while, to follow an
 * intrusion; none of them is evidence a funder pays on, so they are the first to go.
 */
export const SECURITY_ACTIONS = [
  'sign-in.succeeded',
  'sign-in.failed',
  'sign-out',
  'sessions.revoked',
  'password.reset-requested',
  'password.reset',
  'password.changed',
  'two-factor.enabled',
  'two-factor.disabled',
  'two-factor.recovery-code-used',
  'user.invitation-resent',
];

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  reason?: string | null;
  data?: object;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntity) private readonly entries: Repository<AuditEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /** Writes the entries with the caller's manager, so that they commit or roll back with the change. */
  async record(records: AuditRecord[], manager: EntityManager = this.entries.manager): Promise<void> {
    if (records.length === 0) return;
    await manager
      .getRepository(AuditEntity)
      .insert(records.map((r) => ({ ...r, reason: r.reason ?? null, data: r.data ?? {} })));
  }

  /**
   * Deletes, a batch at a time, the security entries (sign-ins and account events, with the
   * addresses they came from) recorded before `securityBefore`, and every other entry recorded
   * before `otherBefore`. Answers how many went.
   */
  async prune(securityBefore: Date, otherBefore: Date, batchSize = 5_000): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.entries.query(
        `DELETE FROM audit_log WHERE id IN (
           SELECT id FROM audit_log
            WHERE (created_at < $1 AND action = ANY($3)) OR created_at < $2
            LIMIT $4)`,
        [securityBefore, otherBefore, SECURITY_ACTIONS, batchSize],
      )) as [unknown, number];
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }

  async list(query: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    const { skip, take } = pageWindow(query);
    const select = this.entries
      .createQueryBuilder('a')
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip(skip)
      .take(take);
    if (query.entity) select.andWhere('a.entityType = :entity', { entity: query.entity });
    if (query.entityId) select.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) select.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    // A person's trail: by them, about their account, or concerning them (`data.userId`: their
    // enrolments, attendance corrections, certificates, kept when they are erased). Three branches,
    // each on its own index (the last on the expression index IDX_audit_log_subject).
    const personId = query.personId?.toLowerCase();
    if (personId) {
      const aboutThem = (!query.entity || query.entity === 'user') && !query.entityId;
      select.andWhere(
        new Brackets((person) => {
          person.where('a.actorId = :personId', { personId });
          if (aboutThem) person.orWhere("(a.entityType = 'user' AND a.entityId = :personId)");
          person.orWhere(`a.data->>'userId' = CAST(:subject AS text)`, { subject: personId });
        }),
      );
    }
    const [items, total] = await select.getManyAndCount();
    const names = await this.names(items.map((entry) => entry.id));
    return { items: items.map((entry) => AuditEntryDto.from(entry, names.get(entry.id))), total };
  }

  /** The page's people and records by name, in one statement. */
  private async names(entryIds: string[]): Promise<Map<string, AuditNames>> {
    if (entryIds.length === 0) return new Map();
    const rows: (AuditNames & { id: string })[] = await this.dataSource.query(...auditNames(entryIds));
    return new Map(rows.map(({ id, ...names }) => [id, names]));
  }
}
