import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { InvitePartnerMemberDto, PartnerMemberDto } from './dto/partner-member.dto.js';
import { NOT_YOURS, PartnerAccess } from './partner-access.js';
import { PartnerAccountApi } from './partner-account-api.js';
import { PartnerMembersService } from './partner-members.service.js';

/**
 * A partner's partner-admins manage their colleagues (decision 029): invite, list, remove, for
 * their own partner only (another partner's id answers 404, as for keys). Admins may too.
 */
@PartnerAccountApi()
@Controller('partners')
export class PartnerMembersController {
  constructor(
    private readonly access: PartnerAccess,
    private readonly members: PartnerMembersService,
  ) {}

  @Post(':partnerId/members')
  @ApiOperation({
    summary: 'Invites a colleague as partner-admin of this partner.',
    description:
      'The person receives an invitation e-mail with a single-use link (3 days) to choose their password, then signs in ' +
      'with the role `partner`, for this partner only. Audited with the inviting person as actor.',
  })
  @ApiCreatedResponse({ type: PartnerMemberDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EMAIL_TAKEN: an account already uses this address.' })
  async invite(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: InvitePartnerMemberDto,
  ): Promise<PartnerMemberDto> {
    await this.access.actingFor(caller, partnerId);
    return this.members.invite(caller, partnerId, dto);
  }

  @Get(':partnerId/members')
  @ApiOperation({ summary: "The partner's partner-admins." })
  @ApiOkResponse({ type: [PartnerMemberDto] })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_YOURS })
  async list(@CurrentCaller() caller: Caller, @Param('partnerId', ParseUUIDPipe) partnerId: string): Promise<PartnerMemberDto[]> {
    await this.access.actingFor(caller, partnerId);
    return this.members.list(partnerId);
  }

  @Delete(':partnerId/members/:userId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Removes a colleague: their account is erased (personal data emptied) and their sessions end at once. Audited.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: `${NOT_YOURS} Or not a partner-admin of this partner (PARTNER_MEMBER_NOT_FOUND).`,
  })
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    await this.access.actingFor(caller, partnerId);
    await this.members.remove(caller, partnerId, userId);
  }
}
