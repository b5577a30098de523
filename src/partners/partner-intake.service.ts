import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { pageOf, pageWindow, type Page, type PageQueryDto } from '../common/pagination.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { assertCoherent, auditView, changesFromInput } from '../needs/need-fields.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { normaliseEmail } from '../users/email.js';
import { generateInvitationToken } from './api-key-secret.js';
import { findOrCreateBuyer } from './buyer-organisation.js';
import type { CreatePartnerNeedDto, PartnerNeedCreatedDto, PartnerNeedDto } from './dto/partner-need.dto.js';
import { InvitationMailer } from './invitation-mailer.js';
import type { PartnerActing } from './partner-caller.js';
import { PartnerKeyThrottle } from './partner-key-throttle.service.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnersRepository } from './partners.repository.js';

const DAY_MS = 86_400_000;

/**
 * Needs brought by a partner (issue 20, decision 029): always a draft of the buyer's organisation,
 * which only the buyer, once they claimed the invitation, may submit to the curators.
 */
@Injectable()
export class PartnerIntakeService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partners: PartnersRepository,
    private readonly needs: NeedsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
    private readonly mailer: InvitationMailer,
    private readonly throttle: PartnerKeyThrottle,
    @InjectConfig('partners') private readonly config: ConfigSlices['partners'],
  ) {}

  async createNeed(partner: PartnerActing, dto: CreatePartnerNeedDto): Promise<PartnerNeedCreatedDto> {
    return this.intake(partner.partnerId, partner.actor, partner.trace, dto);
  }

  /** The embedded form (`/embed/besoin/:partner`): anonymous, so throttled per IP and audited as the system. */
  async createFromEmbed(partnerId: string, ip: string, dto: CreatePartnerNeedDto): Promise<PartnerNeedCreatedDto> {
    await this.throttle.hitEmbed(ip);
    return this.intake(partnerId, null, { via: 'embed_form' }, dto);
  }

  /** What the embedded form shows of its partner: its name, and the origins that may frame it. */
  async embedTarget(partnerId: string): Promise<{ id: string; name: string; allowedOrigins: string[] }> {
    const partner = await this.partners.findPartner(partnerId);
    if (!partner) throw PartnersErrors.PARTNER_NOT_FOUND();
    return { id: partner.id, name: partner.name, allowedOrigins: partner.allowedOrigins };
  }

  private async intake(
    partnerId: string,
    actor: AuditActor,
    trace: Record<string, unknown>,
    dto: CreatePartnerNeedDto,
  ): Promise<PartnerNeedCreatedDto> {
    const { token, hash } = generateInvitationToken();
    const expiresAt = new Date(Date.now() + this.config.invitationTtlDays * DAY_MS);
    const email = normaliseEmail(dto.contactEmail);
    const created = await this.transactions.run(async (manager) => {
      const partnerRow = await this.partners.findPartner(partnerId, manager);
      if (!partnerRow) throw PartnersErrors.PARTNER_NOT_FOUND();
      const organisation = await findOrCreateBuyer(this.organisations, manager, dto.company);
      const changes = changesFromInput({ sector: organisation.nafCode, communeCode: organisation.communeCode, ...dto.need });
      assertCoherent({ minBudgetEur: null, maxBudgetEur: null, desiredStart: null, deadline: null, ...changes });
      const need = await this.needs.insert(manager, {
        ...changes,
        title: dto.need.title,
        organisationId: organisation.id,
        createdBy: null,
        source: 'partner',
        partnerId,
      });
      const invitationId = await this.partners.insertInvitation(manager, { needId: need.id, email, tokenHash: hash, expiresAt });
      await this.audit.record(manager, actor, {
        action: 'need.create',
        entityType: 'need',
        entityId: need.id,
        after: { ...auditView(need), source: 'partner', partnerId, ...trace },
      });
      return { need, invitationId, partnerName: partnerRow.name, organisationName: organisation.name };
    });
    await this.mailer.send({
      id: created.invitationId,
      to: email,
      token,
      partnerName: created.partnerName,
      title: created.need.title,
      organisationName: created.organisationName,
      expiresAt,
    });
    return { id: created.need.id, status: 'draft', invitationExpiresAt: expiresAt };
  }

  async listNeeds(partner: PartnerActing, query: PageQueryDto): Promise<Page<PartnerNeedDto>> {
    const { rows, total } = await this.partners.listPartnerNeeds(partner.partnerId, pageWindow(query));
    return pageOf(rows, total, query);
  }
}
