import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersModule } from './users.module';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]), UsersModule],
  controllers: [AuthController, UsersController],
  providers: [AuthService, LoginThrottleService],
  exports: [UsersModule],
})
export class IdentityModule {}
