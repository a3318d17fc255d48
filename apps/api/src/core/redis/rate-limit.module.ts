import { Global, Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter';
import { VersionStamps } from './version-stamps';

@Global()
@Module({ providers: [RateLimiter, VersionStamps], exports: [RateLimiter, VersionStamps] })
export class RateLimitModule {}
