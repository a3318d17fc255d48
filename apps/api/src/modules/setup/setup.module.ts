import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { UsersModule } from '../identity/users.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SetupService } from './setup.service';

@Module({
  imports: [OrganizationsModule, UsersModule, CatalogModule],
  providers: [SetupService],
  exports: [SetupService],
})
export class SetupModule {}
