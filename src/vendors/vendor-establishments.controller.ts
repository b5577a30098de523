import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
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
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { EstablishmentViewDto } from '../organisations/dto/organisation.dto.js';
import { VendorEstablishmentParamsDto } from './dto/vendor-establishment.dto.js';
import { VendorEstablishmentsService } from './vendor-establishments.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

const CONFIRMED_EXAMPLE = { siret: '55210055400021', communeCode: '06088', confirmed: true, confirmedAt: '2026-12-02T09:30:00.000Z' };

@ApiTags('vendors')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Curators and admins only.' })
@ApiBadRequestResponse({
  type: ErrorBodyDto,
  description: 'VALIDATION_FAILED: the id is not a UUID or the SIRET is malformed (details name the field).',
})
@ApiNotFoundResponse({
  type: ErrorBodyDto,
  description: 'VENDOR_NOT_FOUND, or ESTABLISHMENT_NOT_FOUND: the vendor declares no site with this SIRET.',
})
@ApiCommonErrorResponses()
@Controller('vendors/:id/establishments/:siret/confirmation')
export class VendorEstablishmentsController {
  constructor(private readonly establishments: VendorEstablishmentsService) {}

  @Post()
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({
    summary:
      "A curator confirms a vendor's declared establishment, which then counts for proximity and locality; idempotent, audited. A change of its SIRET or commune by the vendor takes the confirmation away.",
  })
  @ApiOkResponse({ type: EstablishmentViewDto, example: CONFIRMED_EXAMPLE })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: "ESTABLISHMENT_OF_ANOTHER_COMPANY: the SIRET does not start with the vendor's SIREN.",
  })
  confirm(@CurrentCaller() caller: Caller, @Param() params: VendorEstablishmentParamsDto): Promise<EstablishmentViewDto> {
    return this.establishments.confirm(caller, params.id, params.siret);
  }

  @Delete()
  @Roles('curator', 'admin')
  @ApiOperation({ summary: "A curator takes back the confirmation of a vendor's establishment: it no longer counts; idempotent, audited." })
  @ApiOkResponse({ type: EstablishmentViewDto, example: { ...CONFIRMED_EXAMPLE, confirmed: false, confirmedAt: null } })
  unconfirm(@CurrentCaller() caller: Caller, @Param() params: VendorEstablishmentParamsDto): Promise<EstablishmentViewDto> {
    return this.establishments.unconfirm(caller, params.id, params.siret);
  }
}
