import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { COUNTRY_CODES, SECTOR_CODES, type SectorCode } from '@mre/contracts';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HasSomeLanguage, LocalizedTextDto, orPlain } from '@/core/http/localized-text.dto';
import type { CentreEntity } from '../centre.entity';
import type { NetworkEntity } from '../network.entity';
import type { SectorEntity } from '../sector.entity';

export class SectorNameDto {
  @ApiProperty() ar: string;
  @ApiProperty() fr: string;
  @ApiProperty() en: string;
}

export class SectorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SECTOR_CODES }) code: SectorCode;
  @ApiProperty({ type: SectorNameDto }) name: SectorNameDto;

  static from(sector: SectorEntity): SectorDto {
    return { id: sector.id, code: sector.code as SectorCode, name: sector.name };
  }
}

export class SectorListDto {
  @ApiProperty({ type: [SectorDto] }) items: SectorDto[];
  @ApiProperty() total: number;
}

export class CreateNetworkDto {
  @ApiPropertyOptional({
    example: 'Réseau des compétences aéronautiques au Canada',
    description:
      'Plain-text name, kept in the language of its letters (Arabic, else French); required unless `names` is given',
  })
  @ValidateIf((dto: { names?: unknown }) => dto.names === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'The name in ar/fr/en; at least one language' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  names?: LocalizedTextDto;

  @ApiPropertyOptional({
    example: 'International',
    description: 'Free text, for a network without one country; required unless `countryCode` is given',
  })
  @ValidateIf((dto: CreateNetworkDto) => dto.countryCode === undefined || dto.countryCode === null)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  country?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'CA',
    description:
      "ISO 3166-1 alpha-2; clients name it in the reader's language (Intl.DisplayNames). null clears it",
  })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as CA' })
  countryCode?: string | null;

  @ApiProperty({ enum: SECTOR_CODES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SECTOR_CODES, { each: true })
  sectorCodes: SectorCode[];
}

export class UpdateNetworkDto extends PartialType(CreateNetworkDto) {}

export class NetworkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The name in French, else in the first language present (see `names`)' })
  name: string;
  @ApiProperty({ type: LocalizedTextDto }) names: LocalizedTextDto;
  @ApiProperty({ description: 'As typed, or the French name of `countryCode`' }) country: string;
  @ApiProperty({ type: String, nullable: true, example: 'CA', description: 'ISO 3166-1 alpha-2' })
  countryCode: string | null;
  @ApiProperty({ enum: SECTOR_CODES, isArray: true }) sectorCodes: SectorCode[];

  static from(network: NetworkEntity): NetworkDto {
    return {
      id: network.id,
      name: network.name,
      names: orPlain(network.names, network.name),
      country: network.country,
      countryCode: network.countryCode,
      sectorCodes: network.sectorCodes as SectorCode[],
    };
  }
}

export class NetworkListDto {
  @ApiProperty({ type: [NetworkDto] }) items: NetworkDto[];
  @ApiProperty() total: number;
}

export class CreateCentreDto {
  @ApiPropertyOptional({
    example: 'Centre de formation de Kénitra',
    description:
      'Plain-text name, kept in the language of its letters (Arabic, else French); required unless `names` is given',
  })
  @ValidateIf((dto: { names?: unknown }) => dto.names === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'The name in ar/fr/en; at least one language' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  names?: LocalizedTextDto;

  @ApiProperty({ example: 'Kénitra' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Rabat-Salé-Kénitra',
    description: 'null clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;
}

export class UpdateCentreDto extends PartialType(CreateCentreDto) {}

export class CentreDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The name in French, else in the first language present (see `names`)' })
  name: string;
  @ApiProperty({ type: LocalizedTextDto }) names: LocalizedTextDto;
  @ApiProperty() city: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;

  static from(centre: CentreEntity): CentreDto {
    return {
      id: centre.id,
      name: centre.name,
      names: orPlain(centre.names, centre.name),
      city: centre.city,
      region: centre.region,
    };
  }
}

export class CentreListDto {
  @ApiProperty({ type: [CentreDto] }) items: CentreDto[];
  @ApiProperty() total: number;
}
