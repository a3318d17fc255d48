import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  changedLocalized,
  countryName,
  pickLocalized,
  SECTOR_CODES,
  SECTOR_NAMES,
  type LocalizedText,
} from '@mre/contracts';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '@/core/database/postgres-errors';
import { Page, PageQueryDto, pageWindow } from '@/core/http/pagination';
import { CentreEntity } from './centre.entity';
import {
  CentreDto,
  CreateCentreDto,
  CreateNetworkDto,
  NetworkDto,
  SectorDto,
  UpdateCentreDto,
  UpdateNetworkDto,
} from './dto/organization.dto';
import { NetworkEntity } from './network.entity';
import { CentreNotFoundError, DuplicateNameError, NetworkNotFoundError } from './organizations.errors';
import { SectorEntity } from './sector.entity';

/** Networks of the diaspora, the office's training centres, and the programme's sectors. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(NetworkEntity) private readonly networks: Repository<NetworkEntity>,
    @InjectRepository(CentreEntity) private readonly centres: Repository<CentreEntity>,
    @InjectRepository(SectorEntity) private readonly sectors: Repository<SectorEntity>,
  ) {}

  /** Sectors are reference data every install needs; inserting them twice changes nothing. */
  async ensureSectors(): Promise<void> {
    await this.sectors.upsert(
      SECTOR_CODES.map((code) => ({ code, name: SECTOR_NAMES[code] })),
      { conflictPaths: ['code'] },
    );
  }

  async listSectors(): Promise<Page<SectorDto>> {
    const items = await this.sectors.find();
    const order = SECTOR_CODES as readonly string[];
    items.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
    return { items: items.map(SectorDto.from), total: items.length };
  }

  async listNetworks(query: PageQueryDto): Promise<Page<NetworkDto>> {
    const [items, total] = await this.networks.findAndCount({ order: { name: 'ASC' }, ...pageWindow(query) });
    return { items: items.map(NetworkDto.from), total };
  }

  async getNetwork(id: string): Promise<NetworkDto> {
    const network = await this.networks.findOne({ where: { id } });
    if (!network) throw new NetworkNotFoundError();
    return NetworkDto.from(network);
  }

  async createNetwork(dto: CreateNetworkDto): Promise<NetworkDto> {
    const network = this.networks.create({ sectorCodes: dto.sectorCodes, countryCode: null, names: {} });
    const saved = await uniqueName('network', () => this.networks.save(withNetworkFields(network, dto)));
    return NetworkDto.from(saved);
  }

  async updateNetwork(id: string, dto: UpdateNetworkDto): Promise<NetworkDto> {
    const network = await this.networks.findOne({ where: { id } });
    if (!network) throw new NetworkNotFoundError();
    if (dto.sectorCodes) network.sectorCodes = dto.sectorCodes;
    return NetworkDto.from(
      await uniqueName('network', () => this.networks.save(withNetworkFields(network, dto))),
    );
  }

  /** Finds a network by its name in any language, creating it when missing (demo data). */
  async ensureNetwork(dto: CreateNetworkDto): Promise<NetworkDto> {
    const existing = await this.networks.findOne({ where: { name: referenceName(namesOf({}, dto)) } });
    return existing ? NetworkDto.from(existing) : this.createNetwork(dto);
  }

  async listCentres(query: PageQueryDto): Promise<Page<CentreDto>> {
    const [items, total] = await this.centres.findAndCount({ order: { name: 'ASC' }, ...pageWindow(query) });
    return { items: items.map(CentreDto.from), total };
  }

  async getCentre(id: string): Promise<CentreDto> {
    const centre = await this.centres.findOne({ where: { id } });
    if (!centre) throw new CentreNotFoundError();
    return CentreDto.from(centre);
  }

  async createCentre(dto: CreateCentreDto): Promise<CentreDto> {
    const centre = this.centres.create({ names: {}, region: null });
    return CentreDto.from(await uniqueName('centre', () => this.centres.save(withCentreFields(centre, dto))));
  }

  async updateCentre(id: string, dto: UpdateCentreDto): Promise<CentreDto> {
    const centre = await this.centres.findOne({ where: { id } });
    if (!centre) throw new CentreNotFoundError();
    return CentreDto.from(await uniqueName('centre', () => this.centres.save(withCentreFields(centre, dto))));
  }

  async ensureCentre(dto: CreateCentreDto): Promise<CentreDto> {
    const existing = await this.centres.findOne({ where: { name: referenceName(namesOf({}, dto)) } });
    return existing ? CentreDto.from(existing) : this.createCentre(dto);
  }
}

interface NameFields {
  name?: string;
  names?: LocalizedText;
}

function namesOf(current: LocalizedText, dto: NameFields): LocalizedText {
  return changedLocalized(current, { text: dto.name, texts: dto.names });
}

/** The single name reports, certificates and older clients read, unique among its kind: French first. */
function referenceName(names: LocalizedText): string {
  return pickLocalized(names, 'fr');
}

function withNetworkFields(network: NetworkEntity, dto: UpdateNetworkDto): NetworkEntity {
  network.names = namesOf(network.names, dto);
  network.name = referenceName(network.names);
  if (dto.countryCode !== undefined) network.countryCode = dto.countryCode;
  if (dto.country !== undefined) network.country = dto.country.trim();
  // Given only a code, the free-text country follows it (in French, like `name`) for older clients.
  else if (dto.countryCode) network.country = countryName(dto.countryCode, 'fr');
  return network;
}

function withCentreFields(centre: CentreEntity, dto: UpdateCentreDto): CentreEntity {
  centre.names = namesOf(centre.names, dto);
  centre.name = referenceName(centre.names);
  if (dto.city !== undefined) centre.city = dto.city;
  if (dto.region !== undefined) centre.region = dto.region;
  return centre;
}

async function uniqueName<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateNameError(what);
    throw error;
  }
}
