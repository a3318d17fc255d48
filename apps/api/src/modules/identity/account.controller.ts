import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { AllowBeforeTwoFactor, CurrentUser } from '@/core/auth/decorators';
import { AuthService } from './auth.service';
import { ChangePasswordDto, RecoveryCodesDto, TwoFactorCodeDto, TwoFactorSetupDto } from './dto/auth.dto';
import { TwoFactorService } from './two-factor.service';

/** A signed-in person's own password, sessions and two-factor sign-in. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Post('password')
  @ApiNoContentResponse({ description: "The person's other sessions are signed out" })
  @HttpCode(204)
  changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<void> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword, ip);
  }

  @Post('sessions/revoke-others')
  @ApiNoContentResponse({ description: 'Every other device is signed out; this one stays signed in' })
  @HttpCode(204)
  revokeOthers(@CurrentUser() user: AuthUser, @Ip() ip: string): Promise<void> {
    return this.auth.revokeOtherSessions(user, ip);
  }

  @AllowBeforeTwoFactor()
  @Post('2fa/setup')
  @ApiOkResponse({ type: TwoFactorSetupDto })
  @HttpCode(200)
  setup(@CurrentUser() user: AuthUser): Promise<TwoFactorSetupDto> {
    return this.twoFactor.setup(user.id);
  }

  @AllowBeforeTwoFactor()
  @Post('2fa/enable')
  @ApiOkResponse({ type: RecoveryCodesDto })
  @HttpCode(200)
  async enable(
    @Body() dto: TwoFactorCodeDto,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.twoFactor.enable(user.id, dto.code, { id: user.id, ip }) };
  }

  @Post('2fa/disable')
  @ApiNoContentResponse()
  @HttpCode(204)
  disable(@Body() dto: TwoFactorCodeDto, @CurrentUser() user: AuthUser, @Ip() ip: string): Promise<void> {
    return this.twoFactor.disable(user.id, dto.code, { id: user.id, ip });
  }
}
