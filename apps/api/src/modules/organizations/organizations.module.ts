import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CentreEntity } from './centre.entity';
import { NetworkEntity } from './network.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { SectorEntity } from './sector.entity';

@Module({
  imports: [TypeOrmModule.forFeature([NetworkEntity, CentreEntity, SectorEntity])],
  controllers: [OrganizationsController],
  providers: [OrganizationsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
