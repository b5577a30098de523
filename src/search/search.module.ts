import { Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { configToken, type ConfigSlices } from '../config/config-slices.js';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-search.index.js';
import { PostgresSearchIndex } from './postgres/postgres-search.index.js';
import { SEARCH_INDEX, type SearchIndex } from './search-index.port.js';

@Module({
  providers: [
    {
      provide: SEARCH_INDEX,
      inject: [configToken('search'), DataSource],
      useFactory: async (search: ConfigSlices['search'], dataSource: DataSource): Promise<SearchIndex> => {
        const index =
          search.backend === 'meilisearch'
            ? new MeilisearchSearchIndex(search.meiliUrl as string, search.meiliApiKey, undefined, { timeoutMs: search.meiliTimeoutMs })
            : new PostgresSearchIndex(dataSource, { cacheEntries: search.cacheEntries });
        // A search server down at start must not stop the app: writes go on and the outbox catches up.
        await index
          .prepare()
          .catch((error: unknown) => new Logger('SearchModule').warn(`Search settings not applied yet: ${String(error)}`));
        return index;
      },
    },
  ],
  exports: [SEARCH_INDEX],
})
export class SearchModule {}
