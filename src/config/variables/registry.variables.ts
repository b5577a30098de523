import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Max, Min } from 'class-validator';
import { blankToUndefined, toInt } from '../env-transforms.js';

/** Public registries the app asks: the company registry (API Recherche d'entreprises). */
export class RegistryVariables {
  /** Company registry search API (API Recherche d'entreprises); when unset, sign-up is filled by hand only. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  COMPANY_REGISTRY_URL?: string;

  /** Timeout of each company registry request (ms); past it, the form is filled by hand. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(10_000)
  COMPANY_REGISTRY_TIMEOUT_MS = 3000;
}
