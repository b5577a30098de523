import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { pageOf, pageWindow, type Page, type PageQueryDto } from '../common/pagination.js';
import { CURATOR_EXPIRY_HORIZON_DAYS, addDays, daysLeft, isEvidenceExpired, parisDay } from '../sovereignty/evidence-freshness.js';
import { CLAIMS, CLAIM_KEYS, isClaimKey, type ClaimStatus } from '../sovereignty/sovereignty-claims.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OFFERING_CHANGED } from '../search/offering-document.source.js';
import type { ClaimReviewDto } from './dto/claim-review.dto.js';
import type { ExpiringClaimDto } from './dto/expiring-claim.dto.js';
import type { OfferingDto } from './dto/offering.dto.js';
import { applySovereignty, toOfferingDto } from './offering-view.js';
import { OfferingsErrors } from './offerings.errors.js';
import { OfferingEvidenceRepository } from './offering-evidence.repository.js';
import { OfferingsRepository } from './offerings.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

/** Published offerings examined for the review list, at most: far more than curators could act on at once. */
export const CLAIM_REVIEW_SCAN_LIMIT = 1000;

/** Curators' decisions on the claims of a sovereignty profile (roles are checked by the route). */
@Injectable()
export class OfferingClaimsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly offerings: OfferingsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
    private readonly evidence: OfferingEvidenceRepository,
  ) {}

  /**
   * The curators' work list: published offerings with the claims that earn points and are still
   * only declared, with their evidence; longest published first. The claims that count depend on
   * the scored profile, so they are worked out here from the offerings whose grade is not verified.
   */
  async pendingReview(caller: Caller, query: Pick<PageQueryDto, 'page' | 'pageSize'>): Promise<Page<ClaimReviewDto>> {
    if (!isStaff(caller)) throw CommonErrors.FORBIDDEN('Only curators and admins review claims.');
    const candidates = await this.offerings.findAwaitingClaimReview(CLAIM_REVIEW_SCAN_LIMIT);
    const claimsByOffering = await this.offerings.claimsOfMany(candidates.map((c) => c.offering.id));
    const items: ClaimReviewDto[] = [];
    for (const { offering, vendorName, vendorVerified } of candidates) {
      const view = toOfferingDto(
        offering,
        { id: offering.vendorId, name: vendorName, verified: vendorVerified },
        claimsByOffering.get(offering.id) ?? [],
      );
      const claims = view.claims.filter((c) => c.counted && c.status === 'declared');
      if (claims.length === 0) continue;
      items.push({
        offering: {
          id: offering.id,
          title: offering.title,
          status: offering.status,
          vendor: view.vendor,
          sovereigntyGrade: offering.sovereigntyGrade,
          sovereigntyScore: offering.sovereigntyScore,
          publishedAt: offering.publishedAt,
          updatedAt: offering.updatedAt,
        },
        claims,
      });
    }
    const start = (query.page - 1) * query.pageSize;
    return pageOf(items.slice(start, start + query.pageSize), items.length, query);
  }

  /**
   * The curators' queue of evidence to renew: verified claims whose evidence is valid 60 days more
   * at most (decision 026), soonest first; those already expired wait for the daily job.
   */
  async expiring(caller: Caller, query: Pick<PageQueryDto, 'page' | 'pageSize'>, now = new Date()): Promise<Page<ExpiringClaimDto>> {
    if (!isStaff(caller)) throw CommonErrors.FORBIDDEN('Only curators and admins review claims.');
    const today = parisDay(now);
    const { rows, total } = await this.evidence.expiring(addDays(today, CURATOR_EXPIRY_HORIZON_DAYS), pageWindow(query));
    const items = rows.map((r) => ({
      ...r,
      label: isClaimKey(r.claim) ? CLAIMS[r.claim].label : r.claim,
      daysLeft: daysLeft(r.validUntil, today),
    }));
    return pageOf(items, total, query);
  }

  /** Verifies a claim; `validUntil`, when given, records the evidence's validity date the curator read. */
  verify(caller: Caller, offeringId: string, claim: string, comment?: string, validUntil?: string): Promise<OfferingDto> {
    return this.decide(caller, offeringId, claim, 'verified', comment ?? null, validUntil);
  }

  reject(caller: Caller, offeringId: string, claim: string, comment: string): Promise<OfferingDto> {
    return this.decide(caller, offeringId, claim, 'rejected', comment);
  }

  private decide(
    caller: Caller,
    offeringId: string,
    claim: string,
    status: ClaimStatus,
    comment: string | null,
    validUntil?: string,
  ): Promise<OfferingDto> {
    if (!isClaimKey(claim)) throw OfferingsErrors.CLAIM_NOT_FOUND(undefined, { claims: CLAIM_KEYS });
    return this.transactions.run(async (manager) => {
      const offering = await this.offerings.lockById(manager, offeringId);
      if (!offering) throw OfferingsErrors.OFFERING_NOT_FOUND();
      if (!offering.sovereignty) throw OfferingsErrors.OFFERING_WITHOUT_PROFILE();
      const claims = await this.offerings.claimsOf(offering.id, manager);
      let row = claims.find((c) => c.claim === claim);
      if (!row) {
        row = this.offerings.newClaim(offering.id, claim);
        claims.push(row);
      }
      const before = {
        claim,
        status: row.status,
        comment: row.comment,
        validUntil: row.evidenceValidUntil,
        grade: offering.sovereigntyGrade,
        score: offering.sovereigntyScore,
      };
      const decidedAt = new Date();
      if (validUntil !== undefined) row.evidenceValidUntil = validUntil;
      // A verification holds until the evidence's date: one already past would be undone by the next run.
      if (status === 'verified' && isEvidenceExpired(row.evidenceValidUntil, parisDay(decidedAt))) {
        throw CommonErrors.VALIDATION_FAILED(undefined, [
          { field: 'validUntil', messages: [`the evidence expired on ${row.evidenceValidUntil}: ask the vendor for current evidence`] },
        ]);
      }
      Object.assign(row, { status, comment, decidedBy: caller.userId, decidedAt });
      offering.sovereignty = { ...offering.sovereignty, lastReviewedAt: decidedAt.toISOString() };
      applySovereignty(offering, claims);
      const saved = await this.offerings.save(manager, offering);
      await this.offerings.saveClaims(manager, [row]);
      await this.audit.record(manager, caller, {
        action: status === 'verified' ? 'offering.claim_verify' : 'offering.claim_reject',
        entityType: 'offering',
        entityId: saved.id,
        before,
        after: { claim, status, comment, validUntil: row.evidenceValidUntil, grade: saved.sovereigntyGrade, score: saved.sovereigntyScore },
      });
      if (saved.status === 'published') await this.outbox.enqueue(manager, OFFERING_CHANGED, { offeringId: saved.id });
      const vendor = await this.organisations.findById(saved.vendorId, manager);
      return toOfferingDto(saved, { id: saved.vendorId, name: vendor?.name ?? '', verified: !!vendor?.verifiedAt }, claims);
    });
  }
}
