import type { IntroductionDto, IntroductionPartyDto } from './dto/introduction.dto.js';
import { DEAL_VALUE_BANDS, LOST_REASON_LABELS } from './deal-outcome.js';
import { allowedEvents, contactsVisible, type Actor } from './introduction-lifecycle.js';
import type { IntroductionEntity } from './introduction.entity.js';
import type { Contact } from './introductions.repository.js';

/**
 * Contacts (names, e-mails, phones) and the buyer's name stay hidden from the other side until
 * both accepted (DESIGN §8); curators always see both. The vendor's name is already public in the
 * catalogue, so the buyer sees it from the start.
 */
export function revealsContacts(introduction: Pick<IntroductionEntity, 'status'>, viewer: Actor): boolean {
  return viewer === 'curator' || contactsVisible(introduction.status);
}

export function toIntroductionDto(i: IntroductionEntity, viewer: Actor, contacts: readonly Contact[]): IntroductionDto {
  const revealed = revealsContacts(i, viewer);
  const contactsOf = (organisationId: string) =>
    contacts
      .filter((c) => c.organisationId === organisationId)
      .map((c) => ({ displayName: c.displayName, email: c.email, phone: c.phone }));
  // A side does not need its own colleagues listed; it gets the other side's once connected.
  const vendor: IntroductionPartyDto = {
    organisationId: i.vendorOrganisationId,
    name: i.vendorOrganisation?.name ?? null,
    contacts: revealed && viewer !== 'vendor' ? contactsOf(i.vendorOrganisationId) : null,
  };
  const buyer: IntroductionPartyDto =
    viewer === 'vendor' && !revealed
      ? { organisationId: null, name: null, contacts: null }
      : {
          organisationId: i.buyerOrganisationId,
          name: i.buyerOrganisation?.name ?? null,
          contacts: revealed && viewer !== 'buyer' ? contactsOf(i.buyerOrganisationId) : null,
        };
  const need = i.need!;
  return {
    id: i.id,
    status: i.status,
    viewerSide: viewer,
    allowedEvents: allowedEvents(i.status, viewer),
    message: i.message,
    need: {
      id: need.id,
      title: need.title,
      description: need.description,
      departementCode: need.departementCode,
      regionCode: need.regionCode,
      useCases: need.useCases,
      sector: need.sector,
      buyerType: i.buyerOrganisation?.buyerType ?? null,
      minBudgetEur: need.minBudgetEur,
      maxBudgetEur: need.maxBudgetEur,
      budgetFirm: need.budgetFirm,
      desiredStart: need.desiredStart,
      deadline: need.deadline,
      dataSensitivity: need.dataSensitivity,
      requirements: need.requirements,
      minSovereigntyGrade: need.minSovereigntyGrade,
    },
    offering: { id: i.offeringId, title: i.offering?.title ?? '' },
    vendor,
    buyer,
    proposedAt: i.proposedAt,
    vendorAcceptedAt: i.vendorAcceptedAt,
    buyerAcceptedAt: i.buyerAcceptedAt,
    connectedAt: i.connectedAt,
    declinedAt: i.declinedAt,
    declinedBy: i.declinedBy,
    declineReason: i.declineReason,
    declineComment: i.declineComment,
    meetingHeldAt: i.meetingHeldAt,
    outcome: i.outcome,
    outcomeAt: i.outcomeAt,
    deal:
      i.outcome === 'won'
        ? {
            valueBand: i.dealValueBand,
            valueBandLabel: i.dealValueBand ? DEAL_VALUE_BANDS[i.dealValueBand].label : null,
            amountEur: i.dealAmountEur,
            startDate: i.dealStartDate,
            public: i.dealPublic === true,
          }
        : null,
    loss:
      i.outcome === 'lost'
        ? { reason: i.lostReason, reasonLabel: i.lostReason ? LOST_REASON_LABELS[i.lostReason] : null, comment: i.lostComment }
        : null,
    cancelledAt: i.cancelledAt,
    version: i.version,
  };
}

/** The organisations whose contacts this viewer may read in this introduction. */
export function contactOrganisations(i: IntroductionEntity, viewer: Actor): string[] {
  if (!revealsContacts(i, viewer)) return [];
  if (viewer === 'vendor') return [i.buyerOrganisationId];
  if (viewer === 'buyer') return [i.vendorOrganisationId];
  return [i.vendorOrganisationId, i.buyerOrganisationId];
}
