import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { SECTOR_CODES, type SectorCode } from '@mre/contracts';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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
  @ApiProperty({ example: 'Réseau des compétences aéronautiques au Canada' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Canada' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  country: string;

  @ApiProperty({ enum: SECTOR_CODES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SECTOR_CODES, { each: true })
  sectorCodes: SectorCode[];
}

export class UpdateNetworkDto extends PartialType(CreateNetworkDto) {}

export class NetworkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty({ enum: SECTOR_CODES, isArray: true }) sectorCodes: SectorCode[];

  static from(network: NetworkEntity): NetworkDto {
    return {
      id: network.id,
      name: network.name,
      country: network.country,
      sectorCodes: network.sectorCodes as SectorCode[],
    };
  }
}

export class NetworkListDto {
  @ApiProperty({ type: [NetworkDto] }) items: NetworkDto[];
  @ApiProperty() total: number;
}

export class CreateCentreDto {
  @ApiProperty({ example: 'Centre de formation de Kénitra' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

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
  @ApiProperty() name: string;
  @ApiProperty() city: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;

  static from(centre: CentreEntity): CentreDto {
    return { id: centre.id, name: centre.name, city: centre.city, region: centre.region };
  }
}

export class CentreListDto {
  @ApiProperty({ type: [CentreDto] }) items: CentreDto[];
  @ApiProperty() total: number;
}
