import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { AccountController } from './account.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordResetEntity } from './password-reset.entity';
import { PasswordResetService } from './password-reset.service';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TwoFactorService } from './two-factor.service';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersModule } from './users.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, PasswordResetEntity, RecoveryCodeEntity]),
    UsersModule,
    AuditModule,
  ],
  controllers: [AuthController, AccountController, UsersController],
  providers: [AuthService, LoginThrottleService, PasswordResetService, TwoFactorService],
  exports: [UsersModule],
})
export class IdentityModule {}
