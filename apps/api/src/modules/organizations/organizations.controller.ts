import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@/core/auth/decorators';
import { PageQueryDto } from '@/core/http/pagination';
import {
  CentreDto,
  CentreListDto,
  CreateCentreDto,
  CreateNetworkDto,
  NetworkDto,
  NetworkListDto,
  SectorListDto,
  UpdateCentreDto,
  UpdateNetworkDto,
} from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('sectors')
  @ApiOkResponse({ type: SectorListDto })
  listSectors(): Promise<SectorListDto> {
    return this.organizations.listSectors();
  }

  @Get('networks')
  @ApiOkResponse({ type: NetworkListDto })
  listNetworks(@Query() query: PageQueryDto): Promise<NetworkListDto> {
    return this.organizations.listNetworks(query);
  }

  @Post('networks')
  @ApiCreatedResponse({ type: NetworkDto })
  @Roles('admin')
  createNetwork(@Body() dto: CreateNetworkDto): Promise<NetworkDto> {
    return this.organizations.createNetwork(dto);
  }

  @Get('networks/:id')
  @ApiOkResponse({ type: NetworkDto })
  getNetwork(@Param('id', ParseUUIDPipe) id: string): Promise<NetworkDto> {
    return this.organizations.getNetwork(id);
  }

  @Patch('networks/:id')
  @ApiOkResponse({ type: NetworkDto })
  @Roles('admin')
  updateNetwork(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateNetworkDto): Promise<NetworkDto> {
    return this.organizations.updateNetwork(id, dto);
  }

  @Get('centres')
  @ApiOkResponse({ type: CentreListDto })
  listCentres(@Query() query: PageQueryDto): Promise<CentreListDto> {
    return this.organizations.listCentres(query);
  }

  @Post('centres')
  @ApiCreatedResponse({ type: CentreDto })
  @Roles('admin')
  createCentre(@Body() dto: CreateCentreDto): Promise<CentreDto> {
    return this.organizations.createCentre(dto);
  }

  @Get('centres/:id')
  @ApiOkResponse({ type: CentreDto })
  getCentre(@Param('id', ParseUUIDPipe) id: string): Promise<CentreDto> {
    return this.organizations.getCentre(id);
  }

  @Patch('centres/:id')
  @ApiOkResponse({ type: CentreDto })
  @Roles('admin')
  updateCentre(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCentreDto): Promise<CentreDto> {
    return this.organizations.updateCentre(id, dto);
  }
}
