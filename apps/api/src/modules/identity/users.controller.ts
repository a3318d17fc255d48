import {
  Body,
  Controller,
  Get,
  HttpCode,
  Ip,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { AllowBeforeTwoFactor, CurrentUser, Roles } from '@/core/auth/decorators';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto, UserListDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @AllowBeforeTwoFactor()
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.get(user.id);
  }

  @AllowBeforeTwoFactor()
  @Patch('me')
  @ApiOkResponse({ type: UserDto })
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<UserDto> {
    return this.users.updateMe(user.id, dto);
  }

  @Post('users')
  @ApiCreatedResponse({ type: UserDto })
  @Roles('admin')
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser, @Ip() ip: string): Promise<UserDto> {
    return this.users.create(dto, { id: actor.id, ip });
  }

  @Post('users/:id/invitation')
  @ApiAcceptedResponse({
    description: 'A new invitation e-mail is on its way; the earlier links stop working',
  })
  @Roles('admin', 'coordinator')
  @HttpCode(202)
  resendInvitation(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() actor: AuthUser,
    @Ip() ip: string,
  ): Promise<void> {
    return this.users.resendInvitation(id, actor, ip);
  }

  @Get('users')
  @ApiOkResponse({ type: UserListDto })
  @Roles('admin', 'coordinator')
  list(@Query() query: ListUsersQueryDto, @CurrentUser() user: AuthUser): Promise<UserListDto> {
    return this.users.list(query, user);
  }

  @Get('users/:id')
  @ApiOkResponse({ type: UserDto })
  @Roles('admin')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch('users/:id')
  @ApiOkResponse({ type: UserDto })
  @Roles('admin')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
    @Ip() ip: string,
  ): Promise<UserDto> {
    return this.users.update(id, dto, actor, ip);
  }
}
