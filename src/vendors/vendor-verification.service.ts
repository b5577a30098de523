import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RegistryCheck } from '../company-registry/company-registry.port.js';
import { assertMemberOf, isActiveMemberOf, isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import type { OrganisationEntity, VerificationStatus } from '../organisations/organisation.entity.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { VENDOR_VERIFICATION_TOPICS } from '../outbox/vendor-verification-topics.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import type { RegistryCheckDto, VendorVerificationDto } from './dto/vendor-verification.dto.js';
import {
  allowedVerificationActions,
  canDoVerification,
  NEXT_STATE,
  verificationStateOf,
  type VerificationAction,
} from './vendor-verification.js';
import { VendorsErrors } from './vendors.errors.js';
import { VendorsRepository } from './vendors.repository.js';

type Step = Exclude<VerificationAction, 'verify'>;

const TOPIC: Record<Step, string> = {
  refuse: VENDOR_VERIFICATION_TOPICS.refused,
  request_information: VENDOR_VERIFICATION_TOPICS.informationRequested,
  answer: VENDOR_VERIFICATION_TOPICS.answered,
};

const STAFF_ACTIONS: readonly VerificationAction[] = ['verify', 'refuse', 'request_information'];

/**
 * The steps of a vendor's verification besides "verify" (VendorsService): a curator refuses with a
 * reason or asks a question, the vendor answers and goes back to the queue. Each step is audited
 * and e-mailed (outbox) in the transaction that makes it.
 */
@Injectable()
export class VendorVerificationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly vendors: VendorsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
  ) {}

  /** Where the verification stands: for staff and the vendor's own members (404 for others, as the profile). */
  async show(caller: Caller, vendorId: string): Promise<VendorVerificationDto> {
    const vendor = await this.vendors.findVendor(vendorId);
    if (!vendor || !(isStaff(caller) || isActiveMemberOf(caller, vendorId))) throw VendorsErrors.VENDOR_NOT_FOUND();
    return toVerificationDto(vendor, caller);
  }

  refuse(caller: Caller, vendorId: string, reason: string): Promise<VendorVerificationDto> {
    return this.step(caller, vendorId, 'refuse', reason);
  }

  requestInformation(caller: Caller, vendorId: string, question: string): Promise<VendorVerificationDto> {
    return this.step(caller, vendorId, 'request_information', question);
  }

  answer(caller: Caller, vendorId: string, answer: string): Promise<VendorVerificationDto> {
    assertMemberOf(caller, vendorId);
    return this.step(caller, vendorId, 'answer', answer);
  }

  private step(caller: Caller, vendorId: string, action: Step, text: string): Promise<VendorVerificationDto> {
    return this.transactions.run(async (manager) => {
      const vendor = await this.vendors.lockVendor(manager, vendorId);
      if (!vendor) throw VendorsErrors.VENDOR_NOT_FOUND();
      const state = verificationStateOf(vendor);
      if (state === 'verified') throw VendorsErrors.VENDOR_ALREADY_VERIFIED(undefined, { verifiedAt: vendor.verifiedAt });
      if (!canDoVerification(state, action))
        throw VendorsErrors.VENDOR_VERIFICATION_INVALID_TRANSITION(undefined, { state, allowed: allowedVerificationActions(state) });
      const before = { state, message: vendor.verificationMessage, answer: vendor.verificationAnswer };
      const saved = await this.vendors.saveVerification(manager, vendor, {
        verificationStatus: NEXT_STATE[action] as VerificationStatus,
        verificationMessage: action === 'answer' ? vendor.verificationMessage : text,
        verificationAnswer: action === 'answer' ? text : null,
      });
      await this.audit.record(manager, caller, {
        action: `vendor.${action}`,
        entityType: 'organisation',
        entityId: vendorId,
        before,
        after: { state: NEXT_STATE[action], message: saved.verificationMessage, answer: saved.verificationAnswer },
      });
      await this.outbox.enqueue(manager, TOPIC[action], { vendorId });
      return toVerificationDto(saved, caller);
    });
  }
}

function toRegistryDto(r: RegistryCheck | null): RegistryCheckDto | null {
  if (!r) return null;
  return {
    checkedAt: r.checkedAt,
    found: r.found,
    name: r.name ?? null,
    nafCode: r.nafCode ?? null,
    communeCode: r.communeCode ?? null,
    closed: r.closed ?? null,
  };
}

function toVerificationDto(v: OrganisationEntity, caller: Caller): VendorVerificationDto {
  const state = verificationStateOf(v);
  const allowed = allowedVerificationActions(state).filter((a) => (isStaff(caller) ? STAFF_ACTIONS.includes(a) : a === 'answer'));
  return {
    vendorId: v.id,
    state,
    message: v.verificationMessage,
    answer: v.verificationAnswer,
    registry: toRegistryDto(v.registryCheck),
    allowedActions: allowed,
  };
}
