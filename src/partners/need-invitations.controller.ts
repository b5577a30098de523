import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Public } from '../identity/public.decorator.js';
import { Roles } from '../identity/roles.decorator.js';
import { ClaimedNeedDto, InvitationPreviewDto } from './dto/invitation.dto.js';
import { NeedInvitationsService } from './need-invitations.service.js';

@ApiTags('partner intake')
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown link (INVITATION_NOT_FOUND).' })
@ApiConflictResponse({ type: ErrorBodyDto, description: 'Already used (INVITATION_USED).' })
@ApiGoneResponse({ type: ErrorBodyDto, description: 'Expired (INVITATION_EXPIRED).' })
@ApiCommonErrorResponses()
@Controller('need-invitations')
export class NeedInvitationsController {
  constructor(private readonly invitations: NeedInvitationsService) {}

  @Get(':token')
  @Public()
  @ApiOperation({ summary: "What the invitation e-mail's link shows: the partner, the draft's title and the company." })
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Post(':token/claim')
  @HttpCode(200)
  @Roles('buyer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Claims a partner's draft for the signed-in buyer (once); review it, then POST /needs/:id/submit.",
    description:
      'The buyer must belong to the company the draft is for (register with its SIREN first). A pending member ' +
      'invited by this e-mail, in a company with no active member yet, becomes its first active member.',
  })
  @ApiOkResponse({ type: ClaimedNeedDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Another company (INVITATION_OTHER_ORGANISATION), or membership not active.' })
  claim(@CurrentCaller() caller: Caller, @Param('token') token: string): Promise<ClaimedNeedDto> {
    return this.invitations.claim(caller, token);
  }
}
