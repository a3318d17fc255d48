import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@/modules/identity/user.entity';

/**
 * A person's calendar feed: one at most. The feed's URL carries a random token; the table keeps
 * its SHA-256 (to find the feed) and a copy sealed with a key of the server (to show the URL again
 * in the profile and in e-mails), so that someone who reads the database cannot fetch the feed.
 */
@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Hex SHA-256 of the token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  /** The token sealed with AES-256-GCM (see feed-token.ts): `iv.tag.ciphertext`, base64url. */
  @Column({ name: 'token_sealed', type: 'varchar', length: 200 })
  tokenSealed: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
