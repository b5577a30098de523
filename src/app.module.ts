import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { PersistenceModule } from './persistence/transaction-runner.js';
import { HealthModule } from './health/health.module.js';
import { MatchesModule } from './matches/matches.module.js';
import { IntroductionsModule } from './introductions/introductions.module.js';
import { JudgmentsModule } from './judgments/judgments.module.js';
import { LeadAlertsModule } from './lead-alerts/lead-alerts.module.js';
import { OutcomeSurveysModule } from './outcome-surveys/outcome-surveys.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { NeedsModule } from './needs/needs.module.js';
import { OfferingsModule } from './offerings/offerings.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { PartnersModule } from './partners/partners.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { CatalogueModule } from './catalogue/catalogue.module.js';
import { SearchModule } from './search/search.module.js';
import { StatsModule } from './stats/stats.module.js';
import { UsersModule } from './users/users.module.js';
import { VendorsModule } from './vendors/vendors.module.js';
import { WebModule } from './web/web.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use: DATABASE_URL, the embedded server, or a test clone. */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl, { poolSize: config.DB_POOL_SIZE, migrationsRun: config.MIGRATIONS_RUN }),
        PersistenceModule,
        OutboxModule,
        NotificationsModule,
        SearchModule,
        HealthModule,
        ReferenceModule,
        AuthModule,
        AccountsModule,
        UsersModule,
        OrganisationsModule,
        NeedsModule,
        IntroductionsModule,
        StatsModule,
        OfferingsModule,
        VendorsModule,
        CatalogueModule,
        MatchesModule,
        JudgmentsModule,
        LeadAlertsModule,
        OutcomeSurveysModule,
        MeetingsModule,
        PartnersModule,
        RetentionModule,
        WebModule,
      ],
    };
  }
}
