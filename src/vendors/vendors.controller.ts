import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { OptionalCaller, OptionalJwtAuthGuard } from '../auth/optional-auth.js';
import { Public } from '../identity/public.decorator.js';
import { Roles } from '../identity/roles.decorator.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, type Page } from '../common/pagination.js';
import { OfferingSummaryDto } from '../offerings/dto/offering.dto.js';
import { UpdateVendorDto, VendorDto, VendorListQueryDto, VendorOfferingsQueryDto, VendorSummaryDto } from './dto/vendor.dto.js';
import { VendorsService } from './vendors.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('vendors')
@ApiCommonErrorResponses()
@Controller('vendors')
export class VendorsController {
  constructor(private readonly vendors: VendorsService) {}

  @Get()
  @Public()
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Verified vendors, by name, filtered by région, département or use case; verified=false lists those awaiting verification (curators, admins).',
  })
  @ApiPageResponse(VendorSummaryDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Unknown région, département or use-case code.' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'A token was sent but is invalid.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'verified=false without a curator or admin token.' })
  list(@OptionalCaller() caller: Caller | null, @Query() query: VendorListQueryDto): Promise<Page<VendorSummaryDto>> {
    return this.vendors.list(query, caller);
  }

  @Get(':id')
  @Public()
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A vendor profile with its published offerings: public once verified, else for its members and staff.' })
  @ApiOkResponse({ type: VendorDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'A token was sent but is invalid.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  get(@OptionalCaller() caller: Caller | null, @Param('id', ParseUUIDPipe) id: string): Promise<VendorDto> {
    return this.vendors.get(caller, id);
  }

  @Get(':id/offerings')
  @Public()
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "A vendor's offerings: drafts and archived ones too for its members, curators and admins." })
  @ApiPageResponse(OfferingSummaryDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'A token was sent but is invalid.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  listOfferings(
    @OptionalCaller() caller: Caller | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: VendorOfferingsQueryDto,
  ): Promise<Page<OfferingSummaryDto>> {
    return this.vendors.listOfferings(caller, id, query);
  }

  @Patch(':id')
  @Roles('vendor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Changes the public profile (name, description, website, headcount band); members only; audited.' })
  @ApiOkResponse({ type: VendorDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not an active member of this vendor.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'STALE_VERSION.' })
  update(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateVendorDto): Promise<VendorDto> {
    return this.vendors.update(caller, id, dto);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A curator verifies the vendor organisation, which may then publish offerings; audited.' })
  @ApiOkResponse({ type: VendorDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'VENDOR_ALREADY_VERIFIED.' })
  verify(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<VendorDto> {
    return this.vendors.verify(caller, id);
  }
}
