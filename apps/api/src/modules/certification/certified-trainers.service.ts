import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CertificateEntity } from './certificate.entity';

/** The train-the-trainer cascade: who may teach because a `trainers` cohort certified them. */
@Injectable()
export class CertifiedTrainersService {
  constructor(
    @InjectRepository(CertificateEntity) private readonly certificates: Repository<CertificateEntity>,
  ) {}

  /** Those among these people who hold a valid (not revoked) certificate of a `trainers` cohort (in the caller's transaction if given). */
  async certifiedAmong(
    userIds: string[],
    manager: EntityManager = this.certificates.manager,
  ): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await manager.getRepository(CertificateEntity).find({
      select: { userId: true },
      where: { userId: In(userIds), cohortKind: 'trainers', status: 'valid' },
    });
    return new Set(rows.map((r) => r.userId));
  }
}
