import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { VendorVerificationDto, VerificationMessageDto } from './dto/vendor-verification.dto.js';
import { VendorVerificationService } from './vendor-verification.service.js';

const CONFLICT = 'VENDOR_ALREADY_VERIFIED, or VENDOR_VERIFICATION_INVALID_TRANSITION with the allowed actions in details.';

/** A vendor's verification beyond "verify": refuse, ask for information, answer (decision 032). */
@ApiTags('vendors')
@ApiCommonErrorResponses()
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiForbiddenResponse({ type: ErrorBodyDto })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('vendors')
export class VendorVerificationController {
  constructor(private readonly verification: VendorVerificationService) {}

  @Get(':id/verification')
  @Roles('vendor', 'curator', 'admin')
  @ApiOperation({
    summary: "Where the vendor's verification stands, with the curator's question or reason, the answer and the company registry's answer.",
  })
  @ApiOkResponse({ type: VendorVerificationDto })
  show(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<VendorVerificationDto> {
    return this.verification.show(caller, id);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'A curator refuses the vendor, with a reason e-mailed to it; audited.' })
  @ApiOkResponse({ type: VendorVerificationDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: CONFLICT })
  refuse(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VerificationMessageDto,
  ): Promise<VendorVerificationDto> {
    return this.verification.refuse(caller, id, dto.message);
  }

  @Post(':id/request-information')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({
    summary:
      'A curator asks the vendor a question (e-mailed, shown on its dashboard); the vendor leaves the queue until it answers; audited.',
  })
  @ApiOkResponse({ type: VendorVerificationDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: CONFLICT })
  requestInformation(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VerificationMessageDto,
  ): Promise<VendorVerificationDto> {
    return this.verification.requestInformation(caller, id, dto.message);
  }

  @Post(':id/verification-answer')
  @HttpCode(200)
  @Roles('vendor')
  @ApiOperation({ summary: "A vendor's member answers the curator's question; the vendor returns to the curators' queue; audited." })
  @ApiOkResponse({ type: VendorVerificationDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: CONFLICT })
  answer(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VerificationMessageDto,
  ): Promise<VendorVerificationDto> {
    return this.verification.answer(caller, id, dto.message);
  }
}
