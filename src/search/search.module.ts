import { Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-search.index.js';
import { PostgresSearchIndex } from './postgres/postgres-search.index.js';
import { SEARCH_INDEX, type SearchIndex } from './search-index.port.js';

/** The search backend of the configuration: Meilisearch when configured, PostgreSQL otherwise. */
export function chooseBackend(config: Pick<AppConfig, 'SEARCH_BACKEND' | 'MEILI_URL'>): 'postgres' | 'meilisearch' {
  return config.SEARCH_BACKEND ?? (config.MEILI_URL ? 'meilisearch' : 'postgres');
}

@Module({
  providers: [
    {
      provide: SEARCH_INDEX,
      inject: [APP_CONFIG, DataSource],
      useFactory: async (config: AppConfig, dataSource: DataSource): Promise<SearchIndex> => {
        const index =
          chooseBackend(config) === 'meilisearch'
            ? new MeilisearchSearchIndex(config.MEILI_URL as string, config.MEILI_API_KEY, undefined, { timeoutMs: config.MEILI_TIMEOUT_MS })
            : new PostgresSearchIndex(dataSource);
        // A search server down at start must not stop the app: writes go on and the outbox catches up.
        await index.prepare().catch((error: unknown) => new Logger('SearchModule').warn(`Search settings not applied yet: ${String(error)}`));
        return index;
      },
    },
  ],
  exports: [SEARCH_INDEX],
})
export class SearchModule {}
