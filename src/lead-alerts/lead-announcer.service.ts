import { Inject, Injectable } from '@nestjs/common';
import { LeadsService } from '../matches/leads.service.js';
import { MatchingNeedReader } from '../matches/matching-need.reader.js';
import { Ranker } from '../matches/ranking/ranker.js';
import { SCORING_VERSION } from '../matches/scoring/weights.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { LeadAlertsRepository, type NewLead } from './lead-alerts.repository.js';

export interface LeadAlertSettings {
  /** How many of a need's best offerings are announced (LEAD_ALERT_TOP_N). */
  topN: number;
}
export const LEAD_ALERT_SETTINGS = Symbol('LEAD_ALERT_SETTINGS');

/** Open needs read for one offering's alerts, newest first (the bench's 20,000 open needs fit). */
export const OFFERING_ALERT_CANDIDATES = 20_000;

/**
 * Decides which vendors hear of which need (issue 18, decision 027). Only the ranking decides: an
 * offering below the relevance floor is never a match, so never a lead.
 * - A need is published: its top N matches, one lead per vendor (its best offering); the N-th
 *   score becomes the need's cutoff.
 * - An offering is published or changed: the open needs it would now reach in their top N — its
 *   score at least the need's cutoff — and whose vendor has no lead for them yet.
 * Both are idempotent: a pair already announced keeps its lead and its funnel.
 */
@Injectable()
export class LeadAnnouncer {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly matchingNeeds: MatchingNeedReader,
    private readonly ranker: Ranker,
    private readonly leads: LeadsService,
    private readonly repository: LeadAlertsRepository,
    @Inject(LEAD_ALERT_SETTINGS) private readonly settings: LeadAlertSettings,
  ) {}

  /** The leads created for this need (none when it is not published any more). */
  async forNeed(needId: string): Promise<string[]> {
    const entity = await this.needs.findById(needId);
    if (!entity || entity.status !== 'published') return [];
    const ranking = await this.ranker.rank(await this.matchingNeeds.withBuyerType(entity), this.settings.topN);
    const best = new Map<string, NewLead>();
    ranking.items.forEach((m, i) => {
      if (best.has(m.row.vendorId)) return;
      best.set(m.row.vendorId, {
        needId,
        vendorId: m.row.vendorId,
        offeringId: m.row.id,
        origin: 'need_published',
        rank: i + 1,
        total: m.scored.total,
        criteria: m.scored.criteria,
        scoringVersion: SCORING_VERSION,
      });
    });
    const full = ranking.items.length >= this.settings.topN;
    await this.repository.setCutoff(needId, full ? ranking.items[this.settings.topN - 1].scored.total : 0);
    return this.repository.insert([...best.values()]);
  }

  /** The leads created for this offering's vendor among open needs. */
  async forOffering(offeringId: string): Promise<string[]> {
    const ranked = await this.leads.rankForAlerts(offeringId, OFFERING_ALERT_CANDIDATES);
    if (!ranked || ranked.ranked.length === 0) return [];
    const needIds = ranked.ranked.map((c) => c.offeringId);
    const [cutoffs, announced] = await Promise.all([this.repository.cutoffs(needIds), this.repository.vendorsWithLeads(needIds)]);
    const fresh = ranked.ranked.flatMap((c): NewLead[] => {
      const cutoff = cutoffs.get(c.offeringId);
      // A need published before alerts existed has no cutoff: it was never announced, nor is it now.
      if (cutoff === undefined || c.total < cutoff || announced.has(`${c.offeringId}:${ranked.vendorId}`)) return [];
      return [
        {
          needId: c.offeringId,
          vendorId: ranked.vendorId,
          offeringId,
          origin: 'offering_changed',
          rank: null,
          total: c.total,
          criteria: c.criteria,
          scoringVersion: SCORING_VERSION,
        },
      ];
    });
    return this.repository.insert(fresh);
  }

  /** Every lead of the need: the instant e-mails are looked up from them (a retry finds them all). */
  leadIdsOfNeed(needId: string): Promise<string[]> {
    return this.repository.idsWhere('need_id', needId);
  }

  leadIdsOfOffering(offeringId: string): Promise<string[]> {
    return this.repository.idsWhere('offering_id', offeringId);
  }
}
