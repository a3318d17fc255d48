import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { MailJob, QueueName } from '@/core/queue/queue-name';
import { ExpiredInvitationError, InvalidInvitationError } from './identity.errors';
import { InvitationEntity } from './invitation.entity';
import { newSecretToken, parseSecretToken, secretMatches } from './secret-token';
import type { UserEntity } from './user.entity';

/**
 * Invitation e-mails are queued inside the transaction that stores the invitation (a CSV batch, an
 * enrollment): they wait this long, then the worker sends them only once the invitation is there.
 */
const COMMIT_GRACE_MS = 1_500;

/** Where an invitation stands for its e-mail: to send, no longer needed, or not committed (yet). */
export type InvitationMailState = 'pending' | 'used' | 'missing';

@Injectable()
export class InvitationService {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue<MailJob>,
    private readonly config: AppConfig,
  ) {}

  /** Creates a one-time link for the user and queues the e-mail in their language. */
  invite(user: UserEntity, manager: EntityManager = this.invitations.manager): Promise<void> {
    return this.inviteMany([user], manager);
  }

  /** Invites many users with one insert and one round trip to the queue (CSV imports). */
  async inviteMany(users: UserEntity[], manager: EntityManager = this.invitations.manager): Promise<void> {
    if (users.length === 0) return;
    const expiresAt = new Date(Date.now() + this.config.get('INVITE_TTL_HOURS') * 3600_000);
    const invitations = users.map((user) => ({ user, ...newSecretToken() }));
    await manager.getRepository(InvitationEntity).insert(
      invitations.map(({ id, user, hash }) => ({
        id,
        userId: user.id,
        tokenHash: hash,
        expiresAt,
        acceptedAt: null,
      })),
    );
    await this.mailQueue.addBulk(
      invitations.map(({ id, user, token }) => ({
        name: 'invitation',
        data: {
          to: user.email,
          locale: user.locale,
          template: 'invitation' as const,
          params: {
            fullName: user.fullName,
            // The page opens in the language of the e-mail, whatever the browser's.
            link: `${this.config.publicUrl}/accept-invite?token=${encodeURIComponent(token)}&lang=${user.locale}`,
            expiresAt: expiresAt.toISOString(),
            timeZone: user.timeZone,
          },
          invitationId: id,
        },
        opts: { jobId: `invitation-${id}`, delay: COMMIT_GRACE_MS },
      })),
    );
  }

  async mailState(id: string): Promise<InvitationMailState> {
    const invitation = await this.invitations.findOne({
      where: { id },
      select: { id: true, acceptedAt: true },
    });
    return !invitation ? 'missing' : invitation.acceptedAt ? 'used' : 'pending';
  }

  /**
   * The user whose unused, unexpired invitation this link is, without using it: checked before
   * any costly work (hashing the chosen password), so that a wrong link costs next to nothing.
   */
  async check(token: string): Promise<string> {
    return (await this.valid(token, this.invitations)).userId;
  }

  /** Marks the invitation used and answers whose it was; a link works once, before it expires. */
  async consume(token: string, manager: EntityManager): Promise<string> {
    const invitation = await this.valid(token, manager.getRepository(InvitationEntity), true);
    await manager.getRepository(InvitationEntity).update(invitation.id, { acceptedAt: new Date() });
    return invitation.userId;
  }

  /** Voids the user's unused invitations: a disabled account must not reactivate itself with one. */
  async voidPending(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(InvitationEntity).delete({ userId, acceptedAt: IsNull() });
  }

  private async valid(
    token: string,
    repo: Repository<InvitationEntity>,
    lock = false,
  ): Promise<InvitationEntity> {
    const parsed = parseSecretToken(token);
    if (!parsed) throw new InvalidInvitationError();
    const invitation = await repo.findOne({
      where: { id: parsed.id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invitation || invitation.acceptedAt || !secretMatches(parsed.secret, invitation.tokenHash)) {
      throw new InvalidInvitationError();
    }
    if (invitation.expiresAt.getTime() <= Date.now()) throw new ExpiredInvitationError();
    return invitation;
  }
}
