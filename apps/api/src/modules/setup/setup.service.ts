import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SECTOR_CODES } from '@mre/contracts';
import { AppConfig } from '@/core/config/app-config';
import { withAdvisoryLock } from '@/core/database/advisory-lock';
import { CoursesService } from '@/modules/catalog/courses.service';
import { UsersService } from '@/modules/identity/users.service';
import { SessionAnchoringService } from '@/modules/live/session-anchoring.service';
import { OrganizationsService } from '@/modules/organizations/organizations.service';
import { DEMO_CENTRES, DEMO_COURSES, DEMO_NETWORKS } from './demo-data';

const SETUP_LOCK = 4_271_902;

/**
 * Puts in what a fresh install needs: sectors, the first admin, and (when asked) demo data; and
 * re-anchors the future sessions when this runtime's time-zone rules are new.
 */
@Injectable()
export class SetupService {
  private readonly logger = new Logger(SetupService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly courses: CoursesService,
    private readonly anchoring: SessionAnchoringService,
  ) {}

  /** Several API replicas may start at once: they take turns, so each step sees the others' work. */
  async run(): Promise<void> {
    await withAdvisoryLock(this.dataSource, SETUP_LOCK, () => this.seed());
  }

  private async seed(): Promise<void> {
    await this.organizations.ensureSectors();
    const email = this.config.get('ADMIN_EMAIL');
    const created = await this.users.ensureFirstAdmin(email, this.config.get('ADMIN_PASSWORD') as string);
    if (created) this.logger.log(`Created the first admin ${email}`);
    if (this.config.get('DEMO_DATA')) await this.seedDemo();
    await this.anchoring.scheduleIfRulesChanged();
  }

  /** Every step finds before it creates, so seeding twice changes nothing. */
  private async seedDemo(): Promise<void> {
    const networks = [];
    for (const network of DEMO_NETWORKS) networks.push(await this.organizations.ensureNetwork(network));
    for (const centre of DEMO_CENTRES) await this.organizations.ensureCentre(centre);
    for (const code of SECTOR_CODES) {
      const { networkIndex, modules, ...course } = DEMO_COURSES[code];
      await this.courses.ensureCourse({ ...course, networkId: networks[networkIndex].id }, modules);
    }
    this.logger.log('Demo data is in place');
  }
}
