import { Global, Module } from '@nestjs/common';
import { AccessRevocations } from './access-revocations';
import { RateLimiter } from './rate-limiter';
import { VersionStamps } from './version-stamps';

@Global()
@Module({
  providers: [RateLimiter, VersionStamps, AccessRevocations],
  exports: [RateLimiter, VersionStamps, AccessRevocations],
})
export class RateLimitModule {}
