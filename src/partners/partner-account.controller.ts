import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, PageQueryDto, type Page } from '../common/pagination.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto.js';
import { PartnerDto } from './dto/partner.dto.js';
import { SetWebhookDto, WebhookDeliveryDto, WebhookDto } from './dto/webhook.dto.js';
import { NOT_YOURS, PartnerAccess } from './partner-access.js';
import { PartnerAccountApi } from './partner-account-api.js';
import { PartnerWebhooksService } from './partner-webhooks.service.js';
import { PartnersService } from './partners.service.js';

/**
 * A partner's own account, for its partner-admins (role `partner`) and for platform admins acting
 * for it: keys and webhook. Every route checks the caller acts for `:partnerId` (PartnerAccess).
 */
@PartnerAccountApi()
@Controller('partners')
export class PartnerAccountController {
  constructor(
    private readonly access: PartnerAccess,
    private readonly partners: PartnersService,
    private readonly webhooks: PartnerWebhooksService,
  ) {}

  @Get('mine')
  @Roles('partner')
  @ApiOperation({ summary: 'The partner this partner-admin acts for: its id opens the other /partners/:partnerId routes.' })
  @ApiOkResponse({ type: PartnerDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  mine(@CurrentCaller() caller: Caller): Promise<PartnerDto> {
    return this.partners.mine(caller);
  }

  @Post(':partnerId/api-keys')
  @ApiOperation({
    summary: 'Creates an API key for the partner; its secret is in this answer only.',
    description: 'Scopes `needs:write` (POST /partner/needs, diagnostics) and `needs:read` (GET /partner/needs, webhook). Audited.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_YOURS })
  async createKey(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.partners.createKey(await this.access.actingFor(caller, partnerId), dto);
  }

  @Get(':partnerId/api-keys')
  @ApiOperation({ summary: "The partner's keys: prefix, scopes, expiry, last use, revocation; never the secret." })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_YOURS })
  async listKeys(@CurrentCaller() caller: Caller, @Param('partnerId', ParseUUIDPipe) partnerId: string): Promise<ApiKeyDto[]> {
    return this.partners.listKeys(await this.access.actingFor(caller, partnerId));
  }

  @Post(':partnerId/api-keys/:keyId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revokes a key at once (its next request answers 401). Audited; revoking again changes nothing.' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: `${NOT_YOURS} Or no such key of this partner.` })
  async revokeKey(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
  ): Promise<ApiKeyDto> {
    return this.partners.revokeKey(await this.access.actingFor(caller, partnerId), keyId);
  }

  @Put(':partnerId/webhook')
  @ApiOperation({
    summary: "Sets the partner's webhook, as PUT /partner/webhook does with a key (same signature, same screening of the URL).",
  })
  @ApiOkResponse({ type: WebhookDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'Not an https URL to a public address (loopback, private, link-local… refused), credentials in it, or a short secret.',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_YOURS })
  async setWebhook(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: SetWebhookDto,
  ): Promise<WebhookDto> {
    return this.webhooks.set(await this.access.actingFor(caller, partnerId), dto);
  }

  @Get(':partnerId/webhook')
  @ApiOperation({ summary: "The partner's webhook: URL, whether it is on, failures in a row (never the secret)." })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: `${NOT_YOURS} Or no webhook set.` })
  async getWebhook(@CurrentCaller() caller: Caller, @Param('partnerId', ParseUUIDPipe) partnerId: string): Promise<WebhookDto> {
    return this.webhooks.get(await this.access.actingFor(caller, partnerId));
  }

  @Get(':partnerId/webhook/deliveries')
  @ApiOperation({ summary: "The webhook's delivery log, newest first: event, attempt, HTTP status or error." })
  @ApiPageResponse(WebhookDeliveryDto)
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: `${NOT_YOURS} Or no webhook set.` })
  async deliveries(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.deliveries(await this.access.actingFor(caller, partnerId), query);
  }
}
