import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
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
import { InvitePartnerMemberDto, PartnerMemberDto } from './dto/partner-member.dto.js';
import { CreatePartnerDto, PartnerDto } from './dto/partner.dto.js';
import { PartnerMembersService } from './partner-members.service.js';
import { PartnersService } from './partners.service.js';

@ApiTags('partners')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not an admin.' })
@ApiCommonErrorResponses()
@Roles('admin')
@Controller('admin/partners')
export class AdminPartnersController {
  constructor(
    private readonly partners: PartnersService,
    private readonly members: PartnerMembersService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Creates a partner that brings needs in from the field (CCI, Bpifrance, France Num, ambassador…).' })
  @ApiCreatedResponse({ type: PartnerDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ALREADY_EXISTS: a partner already has this name (case aside).' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreatePartnerDto): Promise<PartnerDto> {
    return this.partners.create(caller, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The partners, by name.' })
  @ApiOkResponse({ type: [PartnerDto] })
  list(): Promise<PartnerDto[]> {
    return this.partners.list();
  }

  @Post(':id/members')
  @ApiOperation({
    summary:
      "Invites a partner-admin: a user account that manages this partner's keys, webhook, imports and figures, and no other partner's.",
    description:
      'The person receives an invitation e-mail with a single-use link (3 days) to choose their password on the reset page, ' +
      'then signs in as usual; their role is `partner`. Audited.',
  })
  @ApiCreatedResponse({ type: PartnerMemberDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EMAIL_TAKEN: an account already uses this address.' })
  invite(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InvitePartnerMemberDto,
  ): Promise<PartnerMemberDto> {
    return this.members.invite(caller, id, dto);
  }

  @Get(':id/members')
  @ApiOperation({ summary: "The partner's partner-admins." })
  @ApiOkResponse({ type: [PartnerMemberDto] })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  listMembers(@Param('id', ParseUUIDPipe) id: string): Promise<PartnerMemberDto[]> {
    return this.members.list(id);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Removes a partner-admin: their account is erased (personal data emptied) and their sessions end at once. Audited.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Not a partner-admin of this partner (PARTNER_MEMBER_NOT_FOUND).' })
  removeMember(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    return this.members.remove(caller, id, userId);
  }
}
