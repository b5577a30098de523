import { Module } from '@nestjs/common';
import { OfferingsModule } from '../offerings/offerings.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { CatalogueController } from './catalogue.controller.js';
import { CatalogueService } from './catalogue.service.js';
import { SearchIndexer } from '../search/search-indexer.js';
import { SearchModule } from '../search/search.module.js';

/** The catalogue route and the indexer that keeps search in step with the offerings. */
@Module({
  imports: [SearchModule, OutboxModule, OfferingsModule],
  controllers: [CatalogueController],
  providers: [CatalogueService, SearchIndexer],
  exports: [SearchIndexer, CatalogueService],
})
export class CatalogueModule {}
