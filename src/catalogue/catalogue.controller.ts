import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../identity/public.decorator.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CatalogueService } from './catalogue.service.js';
import { CatalogueQueryDto } from './dto/catalogue-query.dto.js';
import { CatalogueResultDto } from './dto/catalogue-result.dto.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('offerings')
@Public()
@ApiCommonErrorResponses()
@Controller('offerings')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOperation({
    summary: 'The public catalogue: published offerings of verified vendors, searched and filtered, with facet counts.',
    description:
      'Typo-tolerant, accent-insensitive text search; newest first when `q` is empty. Fed by the outbox: a change shows within seconds.',
  })
  @ApiOkResponse({ type: CatalogueResultDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'The search backend is unavailable.' })
  search(@Query() query: CatalogueQueryDto): Promise<CatalogueResultDto> {
    return this.catalogue.search(query);
  }
}
