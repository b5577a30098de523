import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, type Page } from '../common/pagination.js';
import { CommuneDto, DepartementDto, RegionDto } from './dto/geography.dto.js';
import { CommunesQueryDto, DepartementsQueryDto, SectorsQueryDto } from './dto/reference-query.dto.js';
import { SectorDto, SovereigntyVocabularyDto, UseCaseDto } from './dto/vocabulary.dto.js';
import { ReferenceCacheInterceptor } from './reference-cache.interceptor.js';
import { ReferenceService } from './reference.service.js';
import { Public } from '../identity/public.decorator.js';
import { ApiValidationFailedResponse } from '../common/errors/api-error-responses.js';

@ApiTags('reference')
@ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag of a previous answer: 304 while the data are unchanged.' })
@ApiExtraModels(ErrorBodyDto)
@ApiResponse({ status: 304, description: 'Not modified: the If-None-Match ETag is still current (no body).' })
@ApiValidationFailedResponse()
@UseInterceptors(ReferenceCacheInterceptor)
@Public()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('regions')
  @ApiOperation({ summary: 'The 18 régions (13 in mainland France, 5 overseas).' })
  @ApiOkResponse({ type: [RegionDto] })
  regions(): RegionDto[] {
    return this.reference.regions();
  }

  @Get('departements')
  @ApiOperation({ summary: 'The 101 départements, or those of one région.' })
  @ApiOkResponse({ type: [DepartementDto] })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Unknown région code.' })
  departements(@Query() query: DepartementsQueryDto): DepartementDto[] {
    return this.reference.departements(query);
  }

  @Get('communes')
  @ApiOperation({ summary: 'Current communes by name prefix, postal code or INSEE code; exact match first, then by population.' })
  @ApiPageResponse(CommuneDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Unknown département code or bad paging.' })
  communes(@Query() query: CommunesQueryDto): Page<CommuneDto> {
    return this.reference.communes(query);
  }

  @Get('sectors')
  @ApiOperation({ summary: 'NAF rév. 2 codes of one level (sections by default), optionally under a broader code.' })
  @ApiOkResponse({ type: [SectorDto] })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Unknown level or parent code, or a parent not broader than the level.' })
  sectors(@Query() query: SectorsQueryDto): SectorDto[] {
    return this.reference.sectors(query);
  }

  @Get('use-cases')
  @ApiOperation({ summary: 'The 18 AI use-case categories.' })
  @ApiOkResponse({ type: [UseCaseDto] })
  useCases(): UseCaseDto[] {
    return this.reference.useCases();
  }

  @Get('sovereignty')
  @ApiOperation({ summary: 'Sovereignty vocabulary: profile value lists, hard requirements and their defaults, grades.' })
  @ApiOkResponse({ type: SovereigntyVocabularyDto })
  sovereignty(): SovereigntyVocabularyDto {
    return this.reference.sovereigntyVocabulary();
  }
}
