import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto.js';
import { CreatePartnerDto, PartnerDto } from './dto/partner.dto.js';
import { PartnersService } from './partners.service.js';

@ApiTags('partners')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not an admin.' })
@ApiCommonErrorResponses()
@Roles('admin')
@Controller('admin/partners')
export class AdminPartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @ApiOperation({ summary: 'Creates a partner that brings needs in from the field (CCI, Bpifrance, France Num, ambassador…).' })
  @ApiCreatedResponse({ type: PartnerDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreatePartnerDto): Promise<PartnerDto> {
    return this.partners.create(caller, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The partners, by name.' })
  @ApiOkResponse({ type: [PartnerDto] })
  list(): Promise<PartnerDto[]> {
    return this.partners.list();
  }

  @Post(':id/api-keys')
  @ApiOperation({
    summary: 'Creates an API key for the partner; its secret is in this answer only.',
    description: 'Scopes `needs:write` (POST /partner/needs) and `needs:read` (GET /partner/needs). Audited.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  createKey(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.partners.createKey(caller, id, dto);
  }

  @Get(':id/api-keys')
  @ApiOperation({ summary: "The partner's keys: prefix, scopes, expiry, last use, revocation; never the secret." })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  listKeys(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyDto[]> {
    return this.partners.listKeys(id);
  }

  @Post(':id/api-keys/:keyId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revokes a key at once (its next request answers 401). Audited; revoking again changes nothing.' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  revokeKey(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
  ): Promise<ApiKeyDto> {
    return this.partners.revokeKey(caller, id, keyId);
  }
}
