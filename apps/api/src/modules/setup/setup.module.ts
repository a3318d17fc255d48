import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { UsersModule } from '../identity/users.module';
import { LiveModule } from '../live/live.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SetupService } from './setup.service';

@Module({
  imports: [OrganizationsModule, UsersModule, CatalogModule, LiveModule],
  providers: [SetupService],
  exports: [SetupService],
})
export class SetupModule {}
