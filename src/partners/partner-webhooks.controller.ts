import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCallbacks,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, PageQueryDto, type Page } from '../common/pagination.js';
import {
  SetWebhookDto,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookEventDataDto,
  WebhookEventDto,
  WebhookSecretDto,
} from './dto/webhook.dto.js';
import { CurrentPartner, type PartnerCaller } from './partner-caller.js';
import { PartnerKeyAuth } from './partner-key-auth.js';
import { PartnerWebhooksService } from './partner-webhooks.service.js';

const SIGNATURE_DOC =
  'Each event is POSTed as JSON (schema `WebhookEventDto`, its `data` a `WebhookEventDataDto`) with headers `X-Circuit-Event` (the type), `X-Circuit-Delivery` (the event id, ' +
  'the same on every retry: deduplicate on it) and `X-Circuit-Signature: t=<unix seconds>,v1=<hex>`, where ' +
  'v1 = HMAC-SHA256(secret, "<t>.<raw body>"). Recompute it over the raw body, compare in constant time, and refuse ' +
  'a t older than 5 minutes. Answer 2xx within PARTNER_WEBHOOK_TIMEOUT_MS; anything else is retried with exponential ' +
  'backoff (1 s, 2 s, 4 s… up to 5 min). After PARTNER_WEBHOOK_DISABLE_AFTER failures in a row the webhook is ' +
  'switched off; PUT it again to resume. The URL must reach a public address: it is checked when set and again ' +
  'before each delivery, and the request goes to the address that was checked.';

@ApiTags('partner intake')
@ApiExtraModels(WebhookEventDto, WebhookEventDataDto)
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No key, or an unknown, revoked or expired one.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'The key lacks needs:read.' })
@ApiCommonErrorResponses()
@Controller('partner/webhook')
export class PartnerWebhooksController {
  constructor(private readonly webhooks: PartnerWebhooksService) {}

  @Put()
  @PartnerKeyAuth('needs:read')
  @ApiOperation({
    summary: "Sets the partner's webhook: state changes of its needs and of their introductions are POSTed there, signed.",
    description: SIGNATURE_DOC,
  })
  @ApiOkResponse({ type: WebhookDto })
  @ApiCallbacks({
    name: 'partnerEvent',
    callbackUrl: '{$request.body#/url}',
    method: 'post',
    requestBody: { type: WebhookEventDto },
    expectedResponse: { status: 200, description: 'Any 2xx acknowledges the event; anything else, or no answer in time, is retried.' },
  })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description:
      'Not an https URL; credentials in the URL; a host that does not resolve or resolves to a loopback, private, ' +
      'link-local (cloud metadata), unique-local, CGNAT, multicast or unspecified address; or a secret under 32 characters.',
  })
  set(@CurrentPartner() partner: PartnerCaller, @Body() dto: SetWebhookDto): Promise<WebhookDto> {
    return this.webhooks.set(partner, dto);
  }

  @Get()
  @PartnerKeyAuth('needs:read')
  @ApiOperation({ summary: "The partner's webhook: URL, whether it is on, failures in a row (never the secret)." })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No webhook set.' })
  get(@CurrentPartner() partner: PartnerCaller): Promise<WebhookDto> {
    return this.webhooks.get(partner);
  }

  @Get('deliveries')
  @PartnerKeyAuth('needs:read')
  @ApiOperation({ summary: 'Every delivery attempt, newest first: event, attempt, HTTP status or error.' })
  @ApiPageResponse(WebhookDeliveryDto)
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No webhook set.' })
  deliveries(@CurrentPartner() partner: PartnerCaller, @Query() query: PageQueryDto): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.deliveries(partner, query);
  }

  @Post('secret')
  @HttpCode(200)
  @PartnerKeyAuth('needs:read')
  @ApiOperation({
    summary: 'Replaces the signing secret with one chosen by the platform, returned this once.',
    description:
      'The old secret stops signing at once: deliveries after this answer carry the new one. To choose the secret yourself, PUT the webhook again with the same URL.',
  })
  @ApiOkResponse({ type: WebhookSecretDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No webhook set.' })
  async rotateSecret(@CurrentPartner() partner: PartnerCaller): Promise<WebhookSecretDto> {
    const { webhook, secret } = await this.webhooks.rotateSecret(partner);
    return { webhook, secret: secret! };
  }

  @Delete()
  @HttpCode(204)
  @PartnerKeyAuth('needs:read')
  @ApiOperation({ summary: 'Removes the webhook and its delivery log: no event is sent any more until one is set again.' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No webhook set.' })
  remove(@CurrentPartner() partner: PartnerCaller): Promise<void> {
    return this.webhooks.remove(partner);
  }
}
