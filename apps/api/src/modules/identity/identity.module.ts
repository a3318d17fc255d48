import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { InvitationEntity } from './invitation.entity';
import { InvitationService } from './invitation.service';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, InvitationEntity]), OrganizationsModule],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, InvitationService, LoginThrottleService],
  exports: [UsersService],
})
export class IdentityModule {}
