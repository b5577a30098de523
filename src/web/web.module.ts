import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { IntroductionsModule } from '../introductions/introductions.module.js';
import { MatchesModule } from '../matches/matches.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { OfferingsModule } from '../offerings/offerings.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { UsersModule } from '../users/users.module.js';
import { VendorsModule } from '../vendors/vendors.module.js';
import { WebAssetsController } from './assets.controller.js';
import { WebAccountController } from './pages/account.controller.js';
import { WebBuyerController } from './pages/buyer.controller.js';
import { WebIntroductionsController } from './pages/introductions.controller.js';
import { WebCurationBoardController } from './pages/curation-board.controller.js';
import { WebCurationStatsController } from './pages/curation-stats.controller.js';
import { WebCurationVerificationController } from './pages/curation-verification.controller.js';
import { WebCurationController } from './pages/curation.controller.js';
import { WebPublicController } from './pages/public.controller.js';
import { WebVendorController } from './pages/vendor.controller.js';
import { WebErrorPages } from './pages/web-error-pages.js';
import { WebExceptionFilter } from './pages/web-exception.filter.js';
import { WebViews } from './pages/web-views.js';
import { WebSessionService } from './session/web-session.service.js';

/**
 * The web console under /app (docs/decisions/011-web-console.md): server-rendered pages on the
 * same services as the API, a cookie session carrying the API's tokens, CSRF on every form.
 */
@Module({
  imports: [
    AuthModule,
    UsersModule,
    OrganisationsModule,
    CatalogueModule,
    OfferingsModule,
    VendorsModule,
    NeedsModule,
    MatchesModule,
    IntroductionsModule,
    StatsModule,
  ],
  controllers: [
    WebAssetsController,
    WebPublicController,
    WebAccountController,
    WebBuyerController,
    WebIntroductionsController,
    WebCurationController,
    WebCurationVerificationController,
    WebCurationBoardController,
    WebCurationStatsController,
    WebVendorController,
  ],
  providers: [WebViews, WebErrorPages, WebExceptionFilter, WebSessionService],
})
export class WebModule {}
