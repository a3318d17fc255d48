import { ApiProperty } from '@nestjs/swagger';
import {
  CERTIFICATE_STATUSES,
  COHORT_KINDS,
  PUBLIC_CERTIFICATE_STATUSES,
  type CertificateStatus,
  type CohortKind,
  type PublicCertificateStatus,
} from '@mre/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { LocalizedTextDto } from '@/core/http/localized-text.dto';
import type { CertificateIssueResult } from '@/core/queue/queue-name';
import type { CertificateEntity } from '../certificate.entity';

/** A certificate as its holder and the staff see it. */
export class CertificateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The public verification code', example: 'K7Q2M4XJ5ZB3R6T2W4YH7D5N3P6L2C4F' })
  code: string;
  @ApiProperty({ format: 'uuid' }) holderId: string;
  @ApiProperty() holderName: string;
  @ApiProperty({ type: LocalizedTextDto }) courseTitle: LocalizedTextDto;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ enum: COHORT_KINDS }) cohortKind: CohortKind;
  @ApiProperty() centreName: string;
  @ApiProperty() networkName: string;
  @ApiProperty({ description: 'The course’s duration in hours' }) hours: number;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
  @ApiProperty({
    description: 'The public page the QR code leads to',
    example: 'https://academy.example/verify/K7Q2M4XJ5ZB3R6T2W4YH7D5N3P6L2C4F',
  })
  verifyUrl: string;

  static from(certificate: CertificateEntity, publicUrl: string): CertificateDto {
    return {
      id: certificate.id,
      code: certificate.code,
      holderId: certificate.userId,
      holderName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      cohortId: certificate.cohortId,
      cohortName: certificate.cohortName,
      cohortKind: certificate.cohortKind,
      centreName: certificate.centreName,
      networkName: certificate.networkName,
      hours: certificate.hours,
      issuedAt: certificate.issuedAt.toISOString(),
      status: certificate.status,
      revokedAt: certificate.revokedAt?.toISOString() ?? null,
      revocationReason: certificate.revocationReason,
      verifyUrl: verifyUrl(publicUrl, certificate.code),
    };
  }
}

export class CertificateListDto {
  @ApiProperty({ type: [CertificateDto] }) items: CertificateDto[];
  @ApiProperty() total: number;
}

/** What anyone holding the code may learn: enough to check the paper, nothing more. */
/**
 * What anyone with a code may read: exactly the contract's fields. The holder's centre, hours or
 * the revocation date are for the people the certificate concerns, not for whoever holds its code.
 */
export class PublicCertificateDto {
  @ApiProperty() holderName: string;
  @ApiProperty({ type: LocalizedTextDto }) courseTitle: LocalizedTextDto;
  @ApiProperty() cohortName: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({
    enum: PUBLIC_CERTIFICATE_STATUSES,
    description:
      '`withdrawn`: withdrawn at the holder’s request (their data was erased); it then names nobody',
  })
  status: PublicCertificateStatus;

  static from(certificate: CertificateEntity): PublicCertificateDto {
    return {
      holderName: certificate.withdrawnAt ? '' : certificate.holderName,
      courseTitle: certificate.courseTitle,
      cohortName: certificate.cohortName,
      issuedAt: certificate.issuedAt.toISOString(),
      status: certificate.withdrawnAt ? 'withdrawn' : certificate.status,
    };
  }
}

export class RevokeCertificateDto {
  @ApiProperty({ example: 'Attendance records were falsified' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export function verifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/verify/${code}`;
}

/** The report of a certificate-issuing job, as GET /jobs/{jobId} answers it once completed. */
export class CertificateIssueResultDto implements CertificateIssueResult {
  @ApiProperty({ description: 'Certificates issued by this run' }) issued: number;
  @ApiProperty({ description: 'Eligible people who already had their certificate' }) alreadyIssued: number;
  @ApiProperty({ description: 'Enrolled people below the attendance rule' }) notEligible: number;
  @ApiProperty({ description: 'The cohort’s held sessions the rule was measured over' }) heldSessions: number;
  @ApiProperty({
    description:
      'The cohort requires a passed final quiz but has no final quiz opened for it: nobody is eligible until one is opened or the rule is turned off',
  })
  finalQuizMissing: boolean;
}
