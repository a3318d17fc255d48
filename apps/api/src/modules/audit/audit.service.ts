import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import { Page, pageWindow } from '@/core/http/pagination';
import { AuditEntity } from './audit.entity';
import { AuditEntryDto, ListAuditQueryDto } from './dto/audit.dto';

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
  constructor(@InjectRepository(AuditEntity) private readonly entries: Repository<AuditEntity>) {}

  /** Writes the entries with the caller's manager, so that they commit or roll back with the change. */
  async record(records: AuditRecord[], manager: EntityManager = this.entries.manager): Promise<void> {
    if (records.length === 0) return;
    await manager
      .getRepository(AuditEntity)
      .insert(records.map((r) => ({ ...r, reason: r.reason ?? null, data: r.data ?? {} })));
  }

  async list(query: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    const where: FindOptionsWhere<AuditEntity> = {};
    if (query.entity) where.entityType = query.entity;
    if (query.entityId) where.entityId = query.entityId;
    const [items, total] = await this.entries.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: items.map(AuditEntryDto.from), total };
  }
}
