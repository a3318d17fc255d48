import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '@/core/auth/decorators';
import { RedisClient } from '@/core/redis/redis.module';
import { checkTimeZoneRules } from '@/core/time/time-zone-rules';

const TIMEOUT_MS = 2000;
/** The runtime's rules cannot change while it runs: checked once. */
const RUNTIME_RULES = checkTimeZoneRules();

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  /**
   * 200 when PostgreSQL and Redis answer; 503 with the failing one under `error`. `timeZoneRules`
   * reports the runtime's tz data version and whether its rules are current (production refuses to
   * start when they are not, so only development can show `current: false`).
   */
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: TIMEOUT_MS }),
      () => this.pingRedis(),
      () => this.timeZoneRules(),
    ]);
  }

  private timeZoneRules() {
    const { version, current, problems } = RUNTIME_RULES;
    return this.indicators.check('timeZoneRules').up({ version, current, ...(current ? {} : { problems }) });
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref()),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}
