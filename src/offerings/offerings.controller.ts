import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { OptionalCaller, OptionalJwtAuthGuard } from '../auth/optional-auth.js';
import { Public } from '../identity/public.decorator.js';
import { Roles } from '../identity/roles.decorator.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, PageQueryDto, type Page } from '../common/pagination.js';
import { CLAIM_KEYS } from '../sovereignty/sovereignty-claims.js';
import { ClaimReviewDto } from './dto/claim-review.dto.js';
import { OfferingDto } from './dto/offering.dto.js';
import { CreateOfferingDto, RejectClaimDto, UpdateOfferingDto, VerifyClaimDto } from './dto/offering-input.dto.js';
import { OfferingClaimsService } from './offering-claims.service.js';
import { ExpiringClaimDto } from './dto/expiring-claim.dto.js';
import { OfferingsService } from './offerings.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

const claimParam = ApiParam({ name: 'claim', enum: CLAIM_KEYS, example: 'certifications.secNumCloud' });

@ApiTags('offerings')
@ApiCommonErrorResponses()
@Controller('offerings')
export class OfferingsController {
  constructor(
    private readonly offerings: OfferingsService,
    private readonly claims: OfferingClaimsService,
  ) {}

  @Post()
  @Roles('vendor')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Creates a draft offering of the caller's vendor organisation (active members only)." })
  @ApiCreatedResponse({ type: OfferingDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'Invalid fields, each listed with its path (e.g. sovereignty.hosting.dataResidency).',
  })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not a vendor, or membership not active.' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateOfferingDto): Promise<OfferingDto> {
    return this.offerings.create(caller, dto);
  }

  @Get('claims-to-review')
  @Roles('curator', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Curators: published offerings whose grade is not yet "vérifié", with the counted claims still declared and their evidence; longest published first.',
  })
  @ApiPageResponse(ClaimReviewDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  claimsToReview(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto): Promise<Page<ClaimReviewDto>> {
    return this.claims.pendingReview(caller, query);
  }

  @Get('claims-expiring')
  @Roles('curator', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Curators: verified claims whose evidence is valid 60 more days at most, soonest first (decision 026). On expiry the daily job turns them back into declarations.',
  })
  @ApiPageResponse(ExpiringClaimDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  claimsExpiring(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto): Promise<Page<ExpiringClaimDto>> {
    return this.claims.expiring(caller, query);
  }

  @Get(':id')
  @Public()
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'An offering: public once published; drafts and archived ones for its members, curators and admins.' })
  @ApiOkResponse({ type: OfferingDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'A token was sent but is invalid.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown, or not published and not yours.' })
  get(@OptionalCaller() caller: Caller | null, @Param('id', ParseUUIDPipe) id: string): Promise<OfferingDto> {
    return this.offerings.get(caller, id);
  }

  @Patch(':id')
  @Roles('vendor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Changes a draft or published offering; nested objects are replaced whole; changed claims go back to declared.',
  })
  @ApiOkResponse({ type: OfferingDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not an active member of the vendor.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'STALE_VERSION, or OFFERING_NOT_EDITABLE once archived.' })
  update(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOfferingDto): Promise<OfferingDto> {
    return this.offerings.update(caller, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('vendor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Publishes a draft: the vendor must be verified and the required fields complete.' })
  @ApiOkResponse({ type: OfferingDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description:
      'OFFERING_NOT_PUBLISHABLE (details list each missing field or the unverified vendor) or OFFERING_INVALID_TRANSITION (details.allowed).',
  })
  publish(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<OfferingDto> {
    return this.offerings.publish(caller, id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('vendor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Archives an offering: it leaves search and matching for good.' })
  @ApiOkResponse({ type: OfferingDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'OFFERING_INVALID_TRANSITION: already archived.' })
  archive(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<OfferingDto> {
    return this.offerings.archive(caller, id);
  }

  @Post(':id/claims/:claim/verify')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiBearerAuth()
  @claimParam
  @ApiOperation({ summary: 'Marks a claim of the sovereignty profile as verified (curators); audited.' })
  @ApiOkResponse({ type: OfferingDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'OFFERING_NOT_FOUND, or CLAIM_NOT_FOUND with details.claims.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'OFFERING_WITHOUT_PROFILE.' })
  verifyClaim(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('claim') claim: string,
    @Body() dto: VerifyClaimDto,
  ): Promise<OfferingDto> {
    return this.claims.verify(caller, id, claim, dto.comment, dto.validUntil);
  }

  @Post(':id/claims/:claim/reject')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiBearerAuth()
  @claimParam
  @ApiOperation({ summary: 'Rejects a claim (curators, comment required); it then scores as its worst value; audited.' })
  @ApiOkResponse({ type: OfferingDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'OFFERING_NOT_FOUND, or CLAIM_NOT_FOUND with details.claims.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'OFFERING_WITHOUT_PROFILE.' })
  rejectClaim(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('claim') claim: string,
    @Body() dto: RejectClaimDto,
  ): Promise<OfferingDto> {
    return this.claims.reject(caller, id, claim, dto.comment);
  }
}
