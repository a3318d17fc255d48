import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { NotificationKind } from '@mre/contracts';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { PageQueryDto, pageWindow } from '@/core/http/pagination';
import { NotificationDto, NotificationListDto } from './dto/notification.dto';
import { NotificationEntity } from './notification.entity';
import { NotificationEvents } from './notification-events';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  params: Record<string, unknown>;
}

/** The in-app notifications: written by the contexts that have news, read by their recipient. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly events: NotificationEvents,
  ) {}

  /** Writes with the caller's manager, so that a notification commits with the change it tells of. */
  async add(items: NewNotification[], manager: EntityManager = this.notifications.manager): Promise<void> {
    if (items.length === 0) return;
    await manager
      .getRepository(NotificationEntity)
      .insert(items.map((n) => ({ userId: n.userId, kind: n.kind, params: n.params, readAt: null })));
    await this.events.published(
      items.map((n) => n.userId),
      manager,
    );
  }

  async list(userId: string, query: PageQueryDto): Promise<NotificationListDto> {
    const [[items, total], unread] = await Promise.all([
      this.notifications.findAndCount({
        where: { userId },
        order: { createdAt: 'DESC', id: 'DESC' },
        ...pageWindow(query),
      }),
      this.unread(userId),
    ]);
    return { items: items.map(NotificationDto.from), total, unread };
  }

  /** Marks the given notifications of the user read (all when `ids` is absent); others' ids are ignored. */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    await this.notifications.update(
      { userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
      { readAt: new Date() },
    );
    // The person's other tabs and devices update their bells too.
    await this.events.published([userId]);
    return this.unread(userId);
  }

  /** How many of the person's notifications are still unread. */
  unread(userId: string): Promise<number> {
    return this.notifications.count({ where: { userId, readAt: IsNull() } });
  }
}
