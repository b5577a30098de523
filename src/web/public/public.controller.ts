import { Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OptionalCaller } from '../../auth/optional-auth.js';
import type { Caller } from '../../identity/caller.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import { listRegions } from '../../reference/geo/geography.js';
import { referenceData } from '../../reference/data/reference-data.js';
import { DATA_RESIDENCY_LABELS } from '../../reference/sovereignty/sovereignty.labels.js';
import { SOVEREIGNTY_GRADES } from '../../reference/sovereignty/sovereignty.enums.js';
import { gradeName } from '../../reference/sovereignty/sovereignty-wording.js';
import { CatalogueService } from '../../catalogue/catalogue.service.js';
import { CatalogueQueryDto } from '../../catalogue/dto/catalogue-query.dto.js';
import { OfferingsService } from '../../offerings/offerings.service.js';
import { VendorsService } from '../../vendors/vendors.service.js';
import { parseCatalogueQuery } from './catalogue-query.form.js';
import { WebViews } from '../shared/views.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

/** Public pages: home, catalogue with facets, an offering, a vendor. Same services as GET /offerings and /vendors. */
@ConsoleController('app')
export class WebPublicController {
  constructor(
    private readonly views: WebViews,
    private readonly catalogue: CatalogueService,
    private readonly offerings: OfferingsService,
    private readonly vendors: VendorsService,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const latest = await this.catalogue.search(Object.assign(new CatalogueQueryDto(), { page: 1, pageSize: 6 }));
    this.views.send(reply, request, 'public/home', 'Accueil', { latest });
  }

  @Get('catalogue')
  async cataloguePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const { query, invalid } = await parseCatalogueQuery(raw);
    const result = await this.catalogue.search(query);
    // Facet options carry the number of matching offerings, as the search counted them.
    const withCounts = (options: { code: string; label: string }[], counts: Record<string, number>) =>
      options.map((o) => ({ code: o.code, label: `${o.label} (${counts[o.code] ?? 0})` }));
    const data = {
      result,
      query,
      invalid,
      useCases: withCounts(
        referenceData().useCases.map((u) => ({ code: u.code, label: u.label })),
        result.facets.useCases,
      ),
      regions: withCounts(
        listRegions().map((r) => ({ code: r.regionCode, label: r.name })),
        result.facets.regions,
      ),
      grades: withCounts(
        SOVEREIGNTY_GRADES.map((code) => ({ code, label: gradeName(code) })),
        result.facets.grade,
      ),
      residencies: withCounts(
        Object.entries(DATA_RESIDENCY_LABELS).map(([code, label]) => ({ code, label })),
        result.facets.dataResidency,
      ),
    };
    this.views.send(reply, request, 'public/catalogue', query.q ? `Catalogue : ${query.q}` : 'Catalogue des solutions', {
      ...data,
      metaDescription:
        "Le catalogue des solutions d'intelligence artificielle françaises : cherchez par besoin, cas d'usage, région et niveau de souveraineté.",
    });
  }

  @Get('offres/:id')
  async offering(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @OptionalCaller() caller: Caller | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const offering = await this.offerings.get(caller, id);
    // The vendor's website, a next step; a vendor the caller may not read leaves it out.
    const website = await this.vendors.get(caller, offering.vendor.id).then(
      (v) => (v.website && /^https?:\/\//.test(v.website) ? v.website : null),
      () => null,
    );
    this.views.send(reply, request, 'public/offering', offering.title, {
      offering,
      website,
      metaDescription: offering.summary ?? `${offering.title}, une solution d'IA référencée sur Circuit IA.`,
    });
  }

  /** Any other address under /app: the console's own 404 page rather than the API's JSON. */
  @Get('*')
  notFound(): never {
    throw CommonErrors.NOT_FOUND();
  }

  @Get('fournisseurs/:id')
  async vendor(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @OptionalCaller() caller: Caller | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const vendor = await this.vendors.get(caller, id);
    this.views.send(reply, request, 'public/vendor', vendor.name, {
      vendor,
      metaDescription: vendor.description ?? `${vendor.name}, fournisseur de solutions d'IA référencé sur Circuit IA.`,
    });
  }
}
