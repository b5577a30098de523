import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { blankToUndefined, toInt } from '../env-transforms.js';

/** The search backend: PostgreSQL full-text search or Meilisearch. */
export class SearchVariables {
  /** Search backend; defaults to meilisearch when MEILI_URL is set, postgres otherwise. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(['postgres', 'meilisearch'])
  SEARCH_BACKEND?: 'postgres' | 'meilisearch';

  /** Meilisearch server; when unset, search runs on PostgreSQL full-text search. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  MEILI_URL?: string;

  /** Meilisearch API key (admin-scoped key; never the master key in production). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16)
  MEILI_API_KEY?: string;

  /** Timeout of each Meilisearch request (ms); an unreachable server then fails fast instead of hanging. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(10_000)
  MEILI_TIMEOUT_MS = 5000;

  /**
   * Catalogue results each instance keeps on the PostgreSQL backend (least recently used out),
   * served until any write to the catalogue; 0 = none.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  SEARCH_CACHE_ENTRIES = 1000;
}
