import { Module } from '@nestjs/common';
import { configToken, type ConfigSlices } from '../config/config-slices.js';
import { CompanyRegistry } from './company-registry.port.js';
import { NoCompanyRegistry, RechercheEntreprisesRegistry } from './recherche-entreprises.registry.js';

/** The company registry port, bound to the API Recherche d'entreprises when COMPANY_REGISTRY_URL is set. */
@Module({
  providers: [
    {
      provide: CompanyRegistry,
      inject: [configToken('companyRegistry')],
      useFactory: (config: ConfigSlices['companyRegistry']): CompanyRegistry =>
        config.url ? new RechercheEntreprisesRegistry(config.url, config.timeoutMs) : new NoCompanyRegistry(),
    },
  ],
  exports: [CompanyRegistry],
})
export class CompanyRegistryModule {}
