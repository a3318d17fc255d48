import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { MailJob, QueueName } from '@/core/queue/queue-name';
import { ExpiredPasswordResetError, InvalidPasswordResetError } from './identity.errors';
import { PasswordResetEntity } from './password-reset.entity';
import { newSecretToken, parseSecretToken, secretMatches } from './secret-token';
import type { UserEntity } from './user.entity';

/** One-time password-reset links: only the newest of a person works, once, for PASSWORD_RESET_TTL_MINUTES. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectRepository(PasswordResetEntity) private readonly resets: Repository<PasswordResetEntity>,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue<MailJob>,
    private readonly config: AppConfig,
  ) {}

  /** Voids the person's earlier links, stores a new one and queues the e-mail in their language. */
  async send(user: UserEntity): Promise<void> {
    const expiresAt = new Date(Date.now() + this.config.get('PASSWORD_RESET_TTL_MINUTES') * 60_000);
    const { id, token, hash } = newSecretToken();
    await this.resets.manager.transaction(async (manager) => {
      await manager.delete(PasswordResetEntity, { userId: user.id, usedAt: IsNull() });
      await manager.insert(PasswordResetEntity, {
        id,
        userId: user.id,
        tokenHash: hash,
        expiresAt,
        usedAt: null,
      });
    });
    // Queued once the link is committed: the e-mail never carries a link that does not exist.
    await this.mailQueue.add(
      'password-reset',
      {
        to: user.email,
        locale: user.locale,
        template: 'password-reset',
        params: {
          fullName: user.fullName,
          // The page opens in the person's language, like an invitation's.
          link: `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}&lang=${user.locale}`,
          expiresAt: expiresAt.toISOString(),
          timeZone: user.timeZone,
        },
      },
      { jobId: `password-reset-${id}` },
    );
  }

  /** The person whose valid link this is, without using it (before hashing the new password). */
  async check(token: string): Promise<string> {
    return (await this.valid(token, this.resets)).userId;
  }

  /** Uses the link (once) inside the caller's transaction and answers whose it was. */
  async consume(token: string, manager: EntityManager): Promise<string> {
    const reset = await this.valid(token, manager.getRepository(PasswordResetEntity), true);
    await manager.update(PasswordResetEntity, reset.id, { usedAt: new Date() });
    await manager.delete(PasswordResetEntity, { userId: reset.userId, usedAt: IsNull() });
    return reset.userId;
  }

  private async valid(
    token: string,
    repo: Repository<PasswordResetEntity>,
    lock = false,
  ): Promise<PasswordResetEntity> {
    const parsed = parseSecretToken(token);
    if (!parsed) throw new InvalidPasswordResetError();
    const reset = await repo.findOne({
      where: { id: parsed.id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!reset || reset.usedAt || !secretMatches(parsed.secret, reset.tokenHash)) {
      throw new InvalidPasswordResetError();
    }
    if (reset.expiresAt.getTime() <= Date.now()) throw new ExpiredPasswordResetError();
    return reset;
  }
}
