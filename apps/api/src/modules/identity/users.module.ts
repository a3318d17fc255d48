import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { OrganizationsModule } from '@/modules/organizations/organizations.module';
import { InvitationEntity } from './invitation.entity';
import { InvitationService } from './invitation.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/**
 * Users and invitations without the sign-in machinery, so that the worker (which has no JWT
 * setup) can create and invite users through the same service as the API.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, InvitationEntity]), OrganizationsModule, AuditModule],
  providers: [UsersService, InvitationService],
  exports: [UsersService, InvitationService],
})
export class UsersModule {}
