import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
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
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { OrganisationDto } from './dto/organisation.dto.js';
import { UpdateOrganisationDto } from './dto/organisation-input.dto.js';
import { OrganisationsService } from './organisations.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('organisations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not an approved member of this organisation, nor a curator or admin.' })
@ApiCommonErrorResponses()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'An organisation, for its approved members, curators and admins.' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationDto> {
    return this.organisations.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Changes an organisation (not its SIREN nor its kind); audited.' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'STALE_VERSION: someone changed it since you read it.' })
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.organisations.update(caller, id, dto);
  }
}
