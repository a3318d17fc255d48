import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@/core/config/app-config';

/**
 * Signed links to one stored file (a recording's output, a course file), for requests that cannot
 * carry the access token: a `<video>` element's ranges, the browser's own download manager, which
 * streams to disk and resumes with Range. The subject names the file ("recording/<id>/video",
 * "material/<id>"), so a link opens that file only. The key is derived from JWT_SECRET for this use
 * only, so a link is never an access token nor the other way round.
 */
@Injectable()
export class SignedFileLinks {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('signed-file-link').digest();
  }

  /** The token of a link, for `userId`, to `subject` until `expiresAt`. */
  sign(subject: string, userId: string, expiresAt: Date): string {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    return `${userId}.${exp}.${this.mac(subject, userId, exp)}`;
  }

  /** The id of whom the link was given to, when the token is for this subject and still valid; else null. */
  verify(subject: string, token: string): string | null {
    const [userId, expText, mac] = token.split('.');
    const exp = Number(expText);
    if (!userId || !mac || !Number.isInteger(exp) || exp * 1000 <= Date.now()) return null;
    const expected = Buffer.from(this.mac(subject, userId, exp));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
  }

  private mac(subject: string, userId: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${subject}.${userId}.${exp}`).digest('base64url');
  }
}

export class SignedLinkQueryDto {
  @ApiProperty({ description: 'The token of the link the API gave (…/link)' })
  @IsString()
  @MaxLength(300)
  token: string;
}

export class SignedFileLinkDto {
  @ApiProperty({
    description:
      'Where the browser loads the file from, with Range: a short-lived store URL (S3), or the API with a signed token',
  })
  url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
