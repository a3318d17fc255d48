import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SECTOR_CODES, SECTOR_NAMES } from '@mre/contracts';
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
    const saved = await uniqueName('network', () => this.networks.save(this.networks.create(dto)));
    return NetworkDto.from(saved);
  }

  async updateNetwork(id: string, dto: UpdateNetworkDto): Promise<NetworkDto> {
    const network = await this.networks.findOne({ where: { id } });
    if (!network) throw new NetworkNotFoundError();
    return NetworkDto.from(
      await uniqueName('network', () => this.networks.save(this.networks.merge(network, dto))),
    );
  }

  /** Finds a network by name, creating it when missing (demo data). */
  async ensureNetwork(dto: CreateNetworkDto): Promise<NetworkDto> {
    const existing = await this.networks.findOne({ where: { name: dto.name } });
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
    return CentreDto.from(await uniqueName('centre', () => this.centres.save(this.centres.create(dto))));
  }

  async updateCentre(id: string, dto: UpdateCentreDto): Promise<CentreDto> {
    const centre = await this.centres.findOne({ where: { id } });
    if (!centre) throw new CentreNotFoundError();
    return CentreDto.from(
      await uniqueName('centre', () => this.centres.save(this.centres.merge(centre, dto))),
    );
  }

  async ensureCentre(dto: CreateCentreDto): Promise<CentreDto> {
    const existing = await this.centres.findOne({ where: { name: dto.name } });
    return existing ? CentreDto.from(existing) : this.createCentre(dto);
  }
}

async function uniqueName<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateNameError(what);
    throw error;
  }
}
