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
      'Typo-tolerant, accent-insensitive text search with the synonym table of src/search/data/synonyms.json; when every word finds fewer than 10 offerings, those matching fewer words follow. ' +
      'Newest first when `q` is empty. With nothing found, `suggestions` lists the nearest use cases and the filters to drop, with counts. Fed by the outbox: a change shows within seconds.',
  })
  @ApiOkResponse({ type: CatalogueResultDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'The search backend is unavailable.' })
  search(@Query() query: CatalogueQueryDto): Promise<CatalogueResultDto> {
    return this.catalogue.search(query);
  }
}
