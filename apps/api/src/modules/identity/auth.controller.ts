import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@/core/auth/decorators';
import { AuthService } from './auth.service';
import { AcceptInviteDto, LoginDto, LoginResponseDto, RefreshDto } from './dto/auth.dto';

@ApiTags('identity')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @ApiOkResponse({ type: LoginResponseDto })
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Post('refresh')
  @ApiOkResponse({ type: LoginResponseDto })
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<LoginResponseDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('accept-invite')
  @ApiOkResponse({ type: LoginResponseDto })
  @HttpCode(200)
  acceptInvite(@Body() dto: AcceptInviteDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.acceptInvite(dto.token, dto.password, ip);
  }
}
