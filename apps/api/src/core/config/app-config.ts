import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from './environment';

/** Typed access to the validated environment. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  get<K extends keyof Environment>(key: K): Environment[K] {
    return this.config.get(key, { infer: true });
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
