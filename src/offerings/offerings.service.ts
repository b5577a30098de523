import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { isActiveMemberOf, isStaff, requireActiveOrganisation } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { LEADS_FOR_OFFERING } from '../outbox/lead-topics.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OFFERING_CHANGED } from '../search/offering-document.source.js';
import type { OfferingDto, OfferingVendorDto } from './dto/offering.dto.js';
import type { ClaimEvidenceDto, CreateOfferingDto, UpdateOfferingDto } from './dto/offering-input.dto.js';
import { allowedActions, isEditable, missingForPublication, nextStatus, type OfferingAction } from './offering-rules.js';
import { applySovereignty, toOfferingDto } from './offering-view.js';
import type { OfferingClaimEntity, OfferingEntity } from './offering.entity.js';
import { OfferingsErrors } from './offerings.errors.js';
import { OfferingsRepository } from './offerings.repository.js';
import { changedClaims, type SovereigntyProfile } from './sovereignty-profile.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { VerifiedEmailGate } from '../account-links/verified-email.gate.js';

/** Owner members and staff see drafts and archived offerings; everyone sees published ones. */
export function canSeeUnpublished(caller: Caller | null, vendorId: string): boolean {
  return !!caller && (isStaff(caller) || isActiveMemberOf(caller, vendorId));
}

@Injectable()
export class OfferingsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly offerings: OfferingsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
    private readonly verifiedEmail: VerifiedEmailGate,
  ) {}

  /** A new draft of the caller's vendor organisation. Drafts are not searchable: no outbox event. */
  async create(caller: Caller, dto: CreateOfferingDto): Promise<OfferingDto> {
    const vendorId = requireActiveOrganisation(caller);
    return this.transactions.run(async (manager) => {
      const vendor = await this.vendorOf(vendorId, manager);
      const offering = this.offerings.create(manager, { vendorId, title: dto.title, createdBy: caller.userId });
      offering.id = randomUUID();
      const claims = applyInput(offering, dto, [], (claim) => this.offerings.newClaim(offering.id, claim));
      applySovereignty(offering, claims);
      const saved = await this.offerings.save(manager, offering);
      await this.offerings.saveClaims(manager, claims);
      return toOfferingDto(saved, vendor, claims);
    });
  }

  async get(caller: Caller | null, offeringId: string): Promise<OfferingDto> {
    const offering = await this.offerings.findById(offeringId);
    if (!offering || (offering.status !== 'published' && !canSeeUnpublished(caller, offering.vendorId))) {
      throw OfferingsErrors.OFFERING_NOT_FOUND();
    }
    const [vendor, claims] = await Promise.all([this.vendorOf(offering.vendorId), this.offerings.claimsOf(offering.id)]);
    return toOfferingDto(offering, vendor, claims);
  }

  async update(caller: Caller, offeringId: string, dto: UpdateOfferingDto): Promise<OfferingDto> {
    return this.transactions.run(async (manager) => {
      const offering = await this.lockOwned(manager, caller, offeringId);
      if (dto.version !== offering.version) throw CommonErrors.STALE_VERSION();
      if (!isEditable(offering.status)) throw OfferingsErrors.OFFERING_NOT_EDITABLE(undefined, { status: offering.status });
      const existing = await this.offerings.claimsOf(offering.id, manager);
      const claims = applyInput(offering, dto, existing, (claim) => this.offerings.newClaim(offering.id, claim));
      if (offering.status === 'published') {
        // A published offering must stay complete: refuse edits that would empty a required field.
        const missing = missingForPublication(publishable(offering));
        if (missing.length > 0) throw CommonErrors.VALIDATION_FAILED('A published offering must keep its required fields.', missing);
      }
      applySovereignty(offering, claims);
      const saved = await this.offerings.save(manager, offering);
      await this.offerings.saveClaims(manager, claims);
      if (saved.status === 'published') {
        await this.outbox.enqueue(manager, OFFERING_CHANGED, { offeringId: saved.id });
        // A changed offering may now fit open needs (issue 18); pairs already announced stay as they were.
        await this.outbox.enqueue(manager, LEADS_FOR_OFFERING, { offeringId: saved.id });
      }
      return toOfferingDto(saved, await this.vendorOf(saved.vendorId, manager), claims);
    });
  }

  publish(caller: Caller, offeringId: string): Promise<OfferingDto> {
    return this.transition(caller, offeringId, 'publish');
  }

  archive(caller: Caller, offeringId: string): Promise<OfferingDto> {
    return this.transition(caller, offeringId, 'archive');
  }

  private transition(caller: Caller, offeringId: string, action: OfferingAction): Promise<OfferingDto> {
    return this.transactions.run(async (manager) => {
      const offering = await this.lockOwned(manager, caller, offeringId);
      const from = offering.status;
      const to = nextStatus(from, action);
      if (!to) throw OfferingsErrors.OFFERING_INVALID_TRANSITION(undefined, { status: from, allowed: allowedActions(from) });
      const vendor = await this.vendorOf(offering.vendorId, manager);
      if (to === 'published') {
        await this.verifiedEmail.assert(caller, manager);
        const problems = missingForPublication(publishable(offering));
        if (!vendor.verified) {
          problems.unshift({ field: 'vendor', messages: ['the vendor organisation must be verified by a curator before publishing'] });
        }
        if (problems.length > 0) throw OfferingsErrors.OFFERING_NOT_PUBLISHABLE(undefined, problems);
        offering.publishedAt = new Date();
      }
      if (to === 'archived') offering.archivedAt = new Date();
      offering.status = to;
      const saved = await this.offerings.save(manager, offering);
      await this.audit.record(manager, caller, {
        action: `offering.${action}`,
        entityType: 'offering',
        entityId: saved.id,
        before: { status: from },
        after: { status: to },
      });
      if (from === 'published' || to === 'published') await this.outbox.enqueue(manager, OFFERING_CHANGED, { offeringId: saved.id });
      if (to === 'published') await this.outbox.enqueue(manager, LEADS_FOR_OFFERING, { offeringId: saved.id });
      return toOfferingDto(saved, vendor, await this.offerings.claimsOf(saved.id, manager));
    });
  }

  /** Locks the offering for a write by its vendor's members: 404 when missing, 403 for anyone else. */
  private async lockOwned(manager: EntityManager, caller: Caller, offeringId: string): Promise<OfferingEntity> {
    const offering = await this.offerings.lockById(manager, offeringId);
    if (!offering) throw OfferingsErrors.OFFERING_NOT_FOUND();
    if (!isActiveMemberOf(caller, offering.vendorId)) throw CommonErrors.FORBIDDEN();
    return offering;
  }

  private async vendorOf(vendorId: string, manager?: EntityManager): Promise<OfferingVendorDto> {
    const organisation = await this.organisations.findById(vendorId, manager);
    if (!organisation || organisation.kind !== 'vendor') throw CommonErrors.FORBIDDEN('Only vendor organisations have offerings.');
    return { id: organisation.id, name: organisation.name, verified: organisation.verifiedAt !== null };
  }
}

function publishable(o: OfferingEntity) {
  return { ...o, hasSovereignty: o.sovereignty !== null };
}

/**
 * Copies the fields present in the request onto the offering (nested objects are replaced whole)
 * and returns the claim rows as they must be saved: a changed profile value or new evidence sends
 * a decided claim back to `declared`, since the curator's decision was about something else.
 */
function applyInput(
  offering: OfferingEntity,
  dto: CreateOfferingDto | UpdateOfferingDto,
  existing: OfferingClaimEntity[],
  newClaim: (claim: string) => OfferingClaimEntity,
): OfferingClaimEntity[] {
  if (dto.title !== undefined) offering.title = dto.title;
  if (dto.summary !== undefined) offering.summary = dto.summary;
  if (dto.description !== undefined) offering.description = dto.description;
  if (dto.useCases !== undefined) offering.useCases = dto.useCases;
  if (dto.sectors !== undefined) offering.sectors = dto.sectors;
  if (dto.targetBuyerTypes !== undefined) offering.targetBuyerTypes = dto.targetBuyerTypes;
  if (dto.serviceArea !== undefined) {
    offering.serviceNational = dto.serviceArea.national;
    offering.serviceRegions = dto.serviceArea.regions;
    offering.serviceDepartements = dto.serviceArea.departements;
    offering.remoteDelivery = dto.serviceArea.remoteDelivery;
  }
  if (dto.pricing !== undefined) {
    const { model, minBudgetEur = null, maxBudgetEur = null } = dto.pricing;
    if (minBudgetEur !== null && maxBudgetEur !== null && minBudgetEur > maxBudgetEur) {
      throw CommonErrors.VALIDATION_FAILED(undefined, [
        { field: 'pricing.maxBudgetEur', messages: ['maxBudgetEur must be at least minBudgetEur'] },
      ]);
    }
    Object.assign(offering, { pricingModel: model, minBudgetEur, maxBudgetEur });
  }
  if (dto.references !== undefined) {
    offering.referencesCount = dto.references.count;
    offering.referenceSectors = dto.references.sectors;
  }

  const rows = new Map(existing.map((c) => [c.claim, c]));
  const reset = (claim: string): void => {
    const row = rows.get(claim);
    if (row && row.status !== 'declared') Object.assign(row, { status: 'declared', comment: null, decidedBy: null, decidedAt: null });
  };
  if (dto.sovereignty !== undefined) {
    const before = offering.sovereignty;
    const declared = JSON.parse(JSON.stringify(dto.sovereignty)) as Omit<SovereigntyProfile, 'declaredAt' | 'lastReviewedAt'>;
    const unchanged = before !== null && sameDeclaration(before, declared);
    const after: SovereigntyProfile = {
      ...declared,
      declaredAt: unchanged && before ? before.declaredAt : new Date().toISOString(),
      ...(before?.lastReviewedAt ? { lastReviewedAt: before.lastReviewedAt } : {}),
    };
    changedClaims(before, after).forEach(reset);
    offering.sovereignty = after;
  }
  for (const evidence of dto.evidence ?? []) {
    const row = rows.get(evidence.claim) ?? newClaim(evidence.claim);
    rows.set(evidence.claim, row);
    const next = evidenceColumns(evidence);
    if (
      row.evidenceUrl !== next.evidenceUrl ||
      row.evidenceDocumentRef !== next.evidenceDocumentRef ||
      row.evidenceValidUntil !== next.evidenceValidUntil
    ) {
      Object.assign(row, next);
      reset(evidence.claim);
    }
  }
  return [...rows.values()];
}

function evidenceColumns(e: ClaimEvidenceDto): Pick<OfferingClaimEntity, 'evidenceUrl' | 'evidenceDocumentRef' | 'evidenceValidUntil'> {
  return { evidenceUrl: e.url ?? null, evidenceDocumentRef: e.documentRef ?? null, evidenceValidUntil: e.validUntil ?? null };
}

function sameDeclaration(before: SovereigntyProfile, declared: Omit<SovereigntyProfile, 'declaredAt' | 'lastReviewedAt'>): boolean {
  const { declaredAt: _d, lastReviewedAt: _l, ...rest } = before;
  return canonical(rest) === canonical(declared);
}

/** JSON with sorted keys, so two equal profiles compare equal whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
