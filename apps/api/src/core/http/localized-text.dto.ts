import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { localizedFromPlain, type LocalizedText } from '@mre/contracts';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** A text in the programme's languages; at least one of them. */
export class LocalizedTextDto implements LocalizedText {
  @ApiPropertyOptional({ example: 'صيانة الطائرات' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  ar?: string;

  @ApiPropertyOptional({ example: 'Maintenance aéronautique' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  fr?: string;

  @ApiPropertyOptional({ example: 'Aircraft maintenance' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  en?: string;
}

/** The localized text has at least one language filled in. */
export function HasSomeLanguage(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'hasSomeLanguage',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} needs at least one of ar, fr, en`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          ['ar', 'fr', 'en'].some((l) => typeof (value as Record<string, unknown>)[l] === 'string'),
      },
    });
}

/** The texts, or the single plain one in its language when none was kept (rows written in SQL). */
export function orPlain(texts: LocalizedText | null | undefined, plain: string): LocalizedText {
  return texts && Object.keys(texts).length > 0 ? texts : localizedFromPlain(plain);
}
