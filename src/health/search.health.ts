import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { SEARCH_INDEX, type SearchIndex } from '../search/search-index.port.js';

/**
 * Reports the search backend. A Meilisearch outage degrades search but not the app (writes go on
 * through the outbox), so it is reported without failing readiness; see docs/decisions/004.
 */
@Injectable()
export class SearchHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const health = await this.search.health();
    const session = this.indicator.check(key);
    if (health.ok) return session.up({ backend: health.backend });
    if (health.backend === 'postgres') return session.down({ backend: health.backend, message: health.detail });
    return session.up({ backend: health.backend, degraded: true, message: health.detail });
  }
}
