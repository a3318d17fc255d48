import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificateEntity } from './certificate.entity';
import { CertifiedTrainersService } from './certified-trainers.service';

/**
 * The one question the cohorts context asks certification (may this person teach?). A module of
 * its own, so that cohorts can import it while certification imports cohorts.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CertificateEntity])],
  providers: [CertifiedTrainersService],
  exports: [CertifiedTrainersService],
})
export class CertifiedTrainersModule {}
