import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { CatalogueQueryDto } from './dto/catalogue-query.dto.js';
import { toCatalogueResult, type CatalogueResultDto } from './dto/catalogue-result.dto.js';
import { SEARCH_INDEX, SearchUnavailableError, type SearchIndex } from '../search/search-index.port.js';

@Injectable()
export class CatalogueService {
  private readonly logger = new Logger(CatalogueService.name);

  constructor(@Inject(SEARCH_INDEX) private readonly index: SearchIndex) {}

  async search(query: CatalogueQueryDto): Promise<CatalogueResultDto> {
    try {
      const result = await this.index.search({
        q: query.q,
        useCases: query.useCase,
        sectors: query.sector,
        region: query.region,
        departement: query.departement,
        grades: query.grade,
        dataResidencies: query.dataResidency,
        requirements: query.requirement,
        vendorId: query.vendorId,
        page: query.page,
        pageSize: query.pageSize,
      });
      return toCatalogueResult(result);
    } catch (error) {
      // An outage is the backend's, not the caller's: 503. Anything else (a rejected filter) is a bug: 500.
      if (error instanceof SearchUnavailableError) {
        this.logger.warn(`Catalogue search unavailable (${error.reason}): ${error.message}`);
        throw CommonErrors.SERVICE_UNAVAILABLE('Search is unavailable; try again shortly.');
      }
      throw error;
    }
  }
}
