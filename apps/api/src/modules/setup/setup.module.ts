import { Module } from '@nestjs/common';
import { CatalogModule } from '@/modules/catalog/catalog.module';
import { UsersModule } from '@/modules/identity/users.module';
import { LiveModule } from '@/modules/live/live.module';
import { OrganizationsModule } from '@/modules/organizations/organizations.module';
import { SetupService } from './setup.service';

@Module({
  imports: [OrganizationsModule, UsersModule, CatalogModule, LiveModule],
  providers: [SetupService],
  exports: [SetupService],
})
export class SetupModule {}
