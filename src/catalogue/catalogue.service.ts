import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { CatalogueQueryDto } from './dto/catalogue-query.dto.js';
import { toCatalogueResult, type CatalogueResultDto } from './dto/catalogue-result.dto.js';
import { SEARCH_INDEX, SearchUnavailableError, type CatalogueQuery, type SearchIndex } from '../search/search-index.port.js';
import { NO_SUGGESTIONS, suggest } from './catalogue-suggestions.js';
import { sectorFilterCodes } from '../reference/sectors/sector-match.js';

@Injectable()
export class CatalogueService {
  private readonly logger = new Logger(CatalogueService.name);

  constructor(@Inject(SEARCH_INDEX) private readonly index: SearchIndex) {}

  async search(query: CatalogueQueryDto): Promise<CatalogueResultDto> {
    try {
      const search: CatalogueQuery = {
        q: query.q,
        useCases: query.useCase,
        // Sections and divisions both ways (sectorFilterCodes), as matching reads sectors.
        sectors: query.sector ? sectorFilterCodes(query.sector) : undefined,
        region: query.region,
        departement: query.departement,
        grades: query.grade,
        dataResidencies: query.dataResidency,
        requirements: query.requirement,
        vendorId: query.vendorId,
        page: query.page,
        pageSize: query.pageSize,
      };
      const result = await this.index.search(search);
      // A search never dead-ends: with nothing found, the nearest use cases and the filters to drop.
      const hasAsked = Boolean(search.q?.trim()) || Object.values(search).some((v) => Array.isArray(v) && v.length > 0);
      const suggestions =
        result.total === 0 && (hasAsked || search.region || search.departement) ? await suggest(this.index, search) : NO_SUGGESTIONS;
      return toCatalogueResult(result, suggestions);
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
