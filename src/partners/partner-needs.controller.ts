import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, PageQueryDto, type Page } from '../common/pagination.js';
import { InvitationResentDto, RESEND_DESCRIPTION } from './dto/invitation.dto.js';
import { CreatePartnerNeedDto, PartnerNeedCreatedDto, PartnerNeedDto } from './dto/partner-need.dto.js';
import { InvitationResendService } from './invitation-resend.service.js';
import { CurrentPartner, type PartnerCaller } from './partner-caller.js';
import { PartnerKeyAuth } from './partner-key-auth.js';
import { PartnerIntakeService } from './partner-intake.service.js';

@ApiTags('partner intake')
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No key, or an unknown, revoked or expired one (API_KEY_INVALID).' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'The key lacks the scope (API_KEY_SCOPE_MISSING).' })
@ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'Over PARTNER_KEY_RATE_LIMIT_PER_MINUTE for this key.' })
@ApiCommonErrorResponses()
@Controller('partner/needs')
export class PartnerNeedsController {
  constructor(
    private readonly intake: PartnerIntakeService,
    private readonly resends: InvitationResendService,
  ) {}

  @Post()
  @PartnerKeyAuth('needs:write')
  @ApiOperation({
    summary: "Brings a buyer's need as a draft (scope needs:write); the buyer is invited to claim and submit it.",
    description:
      'The company is found by SIREN or created unverified. The contact e-mail receives a single-use link, valid ' +
      'NEED_INVITATION_TTL_DAYS days. The need stays a draft — unseen by vendors and curators — until the buyer ' +
      'signs in (or registers with the same SIREN), claims it, and submits it.',
  })
  @ApiCreatedResponse({ type: PartnerNeedCreatedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Each invalid field named, e.g. `company.siren`, `need.title`.' })
  create(@CurrentPartner() partner: PartnerCaller, @Body() dto: CreatePartnerNeedDto): Promise<PartnerNeedCreatedDto> {
    return this.intake.createNeed(partner, dto);
  }

  @Get()
  @PartnerKeyAuth('needs:read')
  @ApiOperation({
    summary: 'The needs this partner brought, newest first (scope needs:read): status, claim, introductions count.',
    description: 'Nothing about the buyer beyond the SIREN the partner sent.',
  })
  @ApiPageResponse(PartnerNeedDto)
  list(@CurrentPartner() partner: PartnerCaller, @Query() query: PageQueryDto): Promise<Page<PartnerNeedDto>> {
    return this.intake.listNeeds(partner, query);
  }

  @Post(':needId/invitation')
  @PartnerKeyAuth('needs:write')
  @ApiOperation({
    summary:
      "Sends the buyer's invitation to claim this draft again (scope needs:write), with a new link; earlier links stop working (410).",
    description: RESEND_DESCRIPTION,
  })
  @ApiCreatedResponse({ type: InvitationResentDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Not a need this partner brought (PARTNER_NEED_NOT_FOUND).' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'Already claimed by the buyer, or no longer a draft (INVITATION_NOT_RESENDABLE).',
  })
  resendInvitation(@CurrentPartner() partner: PartnerCaller, @Param('needId', ParseUUIDPipe) needId: string): Promise<InvitationResentDto> {
    return this.resends.resend(partner, needId);
  }
}
