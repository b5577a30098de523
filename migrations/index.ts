import { Foundation1764100000000 } from './1764100000000-foundation.js';
import { SearchOffering1764150000000 } from './1764150000000-search-offering.js';
import { Accounts1764200000000 } from './1764200000000-accounts.js';
import { Notifications1764250000000 } from './1764250000000-notifications.js';
import { Offerings1764300000000 } from './1764300000000-offerings.js';
import { Needs1764400000000 } from './1764400000000-needs.js';
import { MatchingWeights1764500000000 } from './1764500000000-matching-weights.js';
import { Introductions1764600000000 } from './1764600000000-introductions.js';
import { Retention1764700000000 } from './1764700000000-retention.js';
import { OfferingMatch1764800000000 } from './1764800000000-offering-match.js';
import { OutboxSequence1764900000000 } from './1764900000000-outbox-sequence.js';
import { SearchWord1765000000000 } from './1765000000000-search-word.js';
import { RateLimit1765100000000 } from './1765100000000-rate-limit.js';
import { OfferingLexemes1765200000000 } from './1765200000000-offering-lexemes.js';
import { ConfirmedEstablishments1765300000000 } from './1765300000000-confirmed-establishments.js';
import { RelevanceJudgments1765400000000 } from './1765400000000-relevance-judgments.js';
import { AccountTokens1765500000000 } from './1765500000000-account-tokens.js';
import { EvidenceFreshness1765600000000 } from './1765600000000-evidence-freshness.js';
import { DealOutcomes1765610000000 } from './1765610000000-deal-outcomes.js';
import { LeadAlerts1765700000000 } from './1765700000000-lead-alerts.js';
import { BusinessEvents1765800000000 } from './1765800000000-business-events.js';
import { EventRegistrations1765800001000 } from './1765800001000-event-registrations.js';
import { PartnerIntake1765900000000 } from './1765900000000-partner-intake.js';
import { PartnerWebhooks1765910000000 } from './1765910000000-partner-webhooks.js';
import { Diagnostics1765920000000 } from './1765920000000-diagnostics.js';
import { EventProposals1766000000000 } from './1766000000000-event-proposals.js';
import { AgendaDigest1766000001000 } from './1766000001000-agenda-digest.js';
import { PartnerMembers1766100000000 } from './1766100000000-partner-members.js';
import { VendorVerification1766300000000 } from './1766300000000-vendor-verification.js';
import { OutcomeSurveys1766400000000 } from './1766400000000-outcome-surveys.js';
import { SearchFacetCounts1766500000000 } from './1766500000000-search-facet-counts.js';
import { CuratedDiagnostics1766600000000 } from './1766600000000-curated-diagnostics.js';
import { SearchNarrowRows1766700000000 } from './1766700000000-search-narrow-rows.js';
import { SearchGeneration1766800000000 } from './1766800000000-search-generation.js';
import { SearchFacetCombos1766900000000 } from './1766900000000-search-facet-combos.js';
import { SearchGinDirectUpdates1767000000000 } from './1767000000000-search-gin-direct-updates.js';
import { SearchSynonymLexemes1767100000000 } from './1767100000000-search-synonym-lexemes.js';

/** Every migration, oldest first. ESM has no __dirname globbing: list them here. */
export const migrations = [
  Foundation1764100000000,
  SearchOffering1764150000000,
  Accounts1764200000000,
  Notifications1764250000000,
  Offerings1764300000000,
  Needs1764400000000,
  MatchingWeights1764500000000,
  Introductions1764600000000,
  Retention1764700000000,
  OfferingMatch1764800000000,
  OutboxSequence1764900000000,
  SearchWord1765000000000,
  RateLimit1765100000000,
  OfferingLexemes1765200000000,
  ConfirmedEstablishments1765300000000,
  RelevanceJudgments1765400000000,
  AccountTokens1765500000000,
  EvidenceFreshness1765600000000,
  DealOutcomes1765610000000,
  LeadAlerts1765700000000,
  BusinessEvents1765800000000,
  EventRegistrations1765800001000,
  PartnerIntake1765900000000,
  PartnerWebhooks1765910000000,
  Diagnostics1765920000000,
  EventProposals1766000000000,
  AgendaDigest1766000001000,
  PartnerMembers1766100000000,
  VendorVerification1766300000000,
  OutcomeSurveys1766400000000,
  SearchFacetCounts1766500000000,
  CuratedDiagnostics1766600000000,
  SearchNarrowRows1766700000000,
  SearchGeneration1766800000000,
  SearchFacetCombos1766900000000,
  SearchGinDirectUpdates1767000000000,
  SearchSynonymLexemes1767100000000,
];
