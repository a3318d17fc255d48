import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { IdentityModule } from '../identity/identity.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SetupService } from './setup.service';

@Module({
  imports: [OrganizationsModule, IdentityModule, CatalogModule],
  providers: [SetupService],
  exports: [SetupService],
})
export class SetupModule {}
