import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { environment } from './environment.config';
import type { Environment } from './environment';

/** Typed access to the validated environment. */
@Injectable()
export class AppConfig {
  constructor(@Inject(environment.KEY) private readonly env: ConfigType<typeof environment>) {}

  get<K extends keyof Environment>(key: K): Environment[K] {
    return this.env[key];
  }

  get publicUrl(): string {
    return (this.get('PUBLIC_URL') ?? `http://localhost:${this.get('PORT')}`).replace(/\/$/, '');
  }

  get jwtSecret(): string {
    const secret = this.get('JWT_SECRET');
    if (!secret) throw new Error('JWT_SECRET was not prepared before start');
    return secret;
  }
}
