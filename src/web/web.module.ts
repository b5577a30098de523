import { CompanyRegistryModule } from '../company-registry/company-registry.module.js';
import { Module } from '@nestjs/common';
import { WebMeetingsController } from './meetings/meetings-pages.controller.js';
import { WebMeetingFormsController } from './meetings/meeting-forms.controller.js';
import { WebMeetingCheckInController } from './meetings/meeting-check-in.controller.js';
import { WebMeetingGridController } from './meetings/meeting-grid.controller.js';
import { AuthModule } from '../auth/auth.module.js';
import { IntroductionsModule } from '../introductions/introductions.module.js';
import { JudgmentsModule } from '../judgments/judgments.module.js';
import { MatchesModule } from '../matches/matches.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { OfferingsModule } from '../offerings/offerings.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { LeadAlertsModule } from '../lead-alerts/lead-alerts.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { UsersModule } from '../users/users.module.js';
import { VendorsModule } from '../vendors/vendors.module.js';
import { FaviconController, WebAssetsController } from './shared/assets.controller.js';
import { WebAccountController } from './account/account.controller.js';
import { WebAccountLinksController } from './account/account-links.controller.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { BuyerPages } from './buyer/buyer-pages.js';
import { WebBuyerController } from './buyer/buyer.controller.js';
import { WebNeedStepsController } from './buyer/need-steps.controller.js';
import { WebIntroductionsController } from './introductions/introductions.controller.js';
import { WebCurationBoardController } from './curation/curation-board.controller.js';
import { WebCurationJudgmentsController } from './curation/curation-judgments.controller.js';
import { CurationNeedPage } from './curation/curation-need-page.js';
import { WebCurationStatsController } from './curation/curation-stats.controller.js';
import { WebCurationVerificationController } from './curation/curation-verification.controller.js';
import { WebCurationVendorController } from './curation/curation-vendor.controller.js';
import { WebCurationController } from './curation/curation.controller.js';
import { WebCurationDiagnosticsController } from './curation/curation-diagnostics.controller.js';
import { WebPublicController } from './public/public.controller.js';
import { WebUnsubscribeController } from './public/unsubscribe.controller.js';
import { WebEmbedController } from './public/embed.controller.js';
import { WebInvitationController } from './public/invitation.controller.js';
import { PartnersModule } from '../partners/partners.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { WebLegalController } from './public/legal.controller.js';
import { WebMethodController } from './public/method.controller.js';
import { VendorPages } from './vendor/vendor-pages.js';
import { WebVendorOfferingsController } from './vendor/vendor-offerings.controller.js';
import { WebVendorOrganisationController } from './vendor/vendor-organisation.controller.js';
import { WebVendorController } from './vendor/vendor.controller.js';
import { WebVendorLeadsController } from './vendor/vendor-leads.controller.js';
import { WebErrorPages } from './shared/error-pages.js';
import { WebExceptionFilter } from './shared/web-exception.filter.js';
import { WebViews } from './shared/views.js';
import { WebSessionService } from './shared/web-session.service.js';
import { PartnerPage } from './partner/partner-page.js';
import { WebPartnerController } from './partner/partner.controller.js';
import { OutcomeSurveysModule } from '../outcome-surveys/outcome-surveys.module.js';
import { WebOutcomeSurveyController } from './public/outcome-survey.controller.js';

/**
 * The web console under /app (docs/decisions/011-web-console.md): server-rendered pages on the
 * same services as the API, a cookie session carrying the API's tokens, CSRF on every form.
 */
@Module({
  imports: [
    AuthModule,
    CompanyRegistryModule,
    AccountsModule,
    UsersModule,
    OrganisationsModule,
    CatalogueModule,
    OfferingsModule,
    VendorsModule,
    NeedsModule,
    MatchesModule,
    JudgmentsModule,
    IntroductionsModule,
    StatsModule,
    LeadAlertsModule,
    OutcomeSurveysModule,
    MeetingsModule,
    NotificationsModule,
    PartnersModule,
    ReferenceModule,
  ],
  controllers: [
    WebAssetsController,
    FaviconController,
    WebPublicController,
    WebUnsubscribeController,
    WebEmbedController,
    WebInvitationController,
    WebOutcomeSurveyController,
    WebLegalController,
    WebMethodController,
    WebAccountController,
    WebAccountLinksController,
    WebBuyerController,
    WebNeedStepsController,
    WebIntroductionsController,
    WebCurationController,
    WebCurationJudgmentsController,
    WebCurationVerificationController,
    WebCurationVendorController,
    WebCurationBoardController,
    WebCurationStatsController,
    WebCurationDiagnosticsController,
    WebVendorController,
    WebVendorLeadsController,
    WebVendorOrganisationController,
    WebVendorOfferingsController,
    WebMeetingsController,
    WebMeetingFormsController,
    WebMeetingCheckInController,
    WebMeetingGridController,
    WebPartnerController,
  ],
  providers: [WebViews, WebErrorPages, WebExceptionFilter, WebSessionService, BuyerPages, VendorPages, CurationNeedPage, PartnerPage],
})
export class WebModule {}
