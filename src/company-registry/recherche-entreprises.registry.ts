import { Logger } from '@nestjs/common';
import { CompanyRegistry, type RegistryLookup } from './company-registry.port.js';
import { readSearchAnswer } from './recherche-entreprises.response.js';

/**
 * Adapter for the public API Recherche d'entreprises (`GET {base}/search?q=<siren>`). Every
 * failure — timeout, refused connection, non-200, non-JSON — becomes `unavailable` and is logged:
 * the caller then lets the person fill the form by hand.
 */
export class RechercheEntreprisesRegistry extends CompanyRegistry {
  private readonly logger = new Logger('CompanyRegistry');

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async lookup(siren: string): Promise<RegistryLookup> {
    if (!/^\d{9}$/.test(siren)) return { status: 'not_found' };
    const url = new URL('search', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    url.searchParams.set('q', siren);
    url.searchParams.set('page', '1');
    url.searchParams.set('per_page', '5');
    try {
      const res = await fetch(url, {
        headers: { accept: 'application/json', 'user-agent': 'CircuitIA/1' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (res.status !== 200) {
        await res.body?.cancel();
        this.logger.warn(`Company registry answered HTTP ${res.status} for a SIREN lookup`);
        return { status: 'unavailable' };
      }
      return readSearchAnswer(await res.json(), siren);
    } catch (error) {
      this.logger.warn(`Company registry unreachable: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 'unavailable' };
    }
  }
}

/** No registry configured (COMPANY_REGISTRY_URL unset): every lookup is `off`. */
export class NoCompanyRegistry extends CompanyRegistry {
  lookup(): Promise<RegistryLookup> {
    return Promise.resolve({ status: 'off' });
  }
}
