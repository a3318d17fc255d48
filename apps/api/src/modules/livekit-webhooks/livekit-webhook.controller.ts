import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '@/core/auth/decorators';
import { WebhookInboxService } from './webhook-inbox.service';

@ApiTags('live')
@Public()
@Controller('livekit')
export class LiveKitWebhookController {
  constructor(private readonly inbox: WebhookInboxService) {}

  /** LiveKit signs the exact bytes it sends, so the raw body is verified, not a re-serialization. */
  @Post('webhook')
  @HttpCode(200)
  @ApiConsumes('application/webhook+json', 'application/json')
  @ApiOkResponse({ description: 'Stored in the inbox' })
  async receive(
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Headers('authorization') authorization?: string,
  ): Promise<void> {
    const raw = typeof request.body === 'string' ? request.body : (request.rawBody?.toString('utf8') ?? '');
    await this.inbox.receive(raw, authorization);
  }
}
