import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';

import type { Caller } from '../../identity/caller.js';
import type { CreatedApiKeyDto } from '../../partners/dto/api-key.dto.js';
import { PartnerAccess } from '../../partners/partner-access.js';
import type { PartnerActing } from '../../partners/partner-caller.js';
import { PartnerIntakeService } from '../../partners/partner-intake.service.js';
import { PartnerMembersService } from '../../partners/partner-members.service.js';
import { PartnerWebhooksService } from '../../partners/partner-webhooks.service.js';
import { PartnersService } from '../../partners/partners.service.js';
import { StatsService } from '../../stats/stats.service.js';
import { NEED_STATUS_LABELS } from '../shared/need.labels.js';
import { WebViews } from '../shared/views.js';
import { deliveryOutcome, SCOPE_LABELS } from './partner.labels.js';

/** What the key form shows again after a refusal, or the key just created (its secret shown once). */
export interface KeyFormState {
  values?: Record<string, unknown>;
  errors?: Record<string, string[]>;
  message?: string;
  created?: CreatedApiKeyDto;
  status?: number;
  /** The webhook form: what was typed and why it was refused, or the secret just chosen (shown once). */
  hook?: { url?: string; errors?: Record<string, string[]>; secret?: string };
  /** The colleague form: what was typed and why it was refused. */
  colleague?: { values?: Record<string, unknown>; errors?: Record<string, string[]>; message?: string };
}

/** The partner-admin's page: everything is read through the services the API routes use, for the caller's own partner. */
@Injectable()
export class PartnerPage {
  constructor(
    private readonly views: WebViews,
    private readonly access: PartnerAccess,
    private readonly partners: PartnersService,
    private readonly webhooks: PartnerWebhooksService,
    private readonly intake: PartnerIntakeService,
    private readonly stats: StatsService,
    private readonly members: PartnerMembersService,
  ) {}

  async acting(caller: Caller): Promise<PartnerActing> {
    return this.access.actingFor(caller, await this.access.ownPartnerId(caller));
  }

  async send(reply: FastifyReply, request: FastifyRequest, caller: Caller, form: KeyFormState = {}): Promise<void> {
    const acting = await this.acting(caller);
    const window = { page: 1, pageSize: 10 };
    const [partner, keys, webhook, needs, figures, colleagues] = await Promise.all([
      this.partners.mine(caller),
      this.partners.listKeys(acting),
      this.webhooks.get(acting).catch(noWebhook),
      this.intake.listNeeds(acting, { page: 1, pageSize: 20 }),
      this.stats.partnerSources(acting.partnerId, {}),
      this.members.list(acting.partnerId),
    ]);
    // What became of each delivery in plain words: the API keeps the technical error.
    const deliveries = webhook
      ? (await this.webhooks.deliveries(acting, window)).items.map((d) => ({ ...d, outcome: deliveryOutcome(d) }))
      : [];
    this.views.send(
      reply,
      request,
      'partner/home',
      'Espace partenaire',
      { partner, keys, webhook, deliveries, needs, figures, colleagues, scopeLabels: SCOPE_LABELS, statusLabels: NEED_STATUS_LABELS, form },
      form.status ?? 200,
    );
  }
}

/** A partner without a webhook yet: the page says so instead of failing. */
function noWebhook(error: unknown): null {
  if (error instanceof DomainError && error.code === 'WEBHOOK_NOT_FOUND') return null;
  throw error;
}
