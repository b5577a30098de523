import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { pageOf, pageWindow, type Page, type PageQueryDto } from '../common/pagination.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import type { SetWebhookDto, WebhookDeliveryDto, WebhookDto } from './dto/webhook.dto.js';
import type { PartnerActing } from './partner-caller.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnerWebhooksRepository, type WebhookRow } from './partner-webhooks.repository.js';
import { screenWebhookUrl } from './webhook-target.js';

const toDto = (w: WebhookRow): WebhookDto => ({
  url: w.url,
  enabled: w.enabled,
  consecutiveFailures: w.consecutiveFailures,
  disabledAt: w.disabledAt,
});

/** A secret the platform chooses (console): 256 random bits, prefixed so people recognise it. */
const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** A webhook changed from the console: the secret is returned only when it was just chosen, to be shown once. */
export interface WebhookChanged {
  webhook: WebhookDto;
  secret: string | null;
}

/** A partner sets its webhook and reads its delivery log with its own key (decision 029). */
@Injectable()
export class PartnerWebhooksService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly webhooks: PartnerWebhooksRepository,
    private readonly audit: AuditService,
    @InjectConfig('partners') private readonly config: ConfigSlices['partners'],
  ) {}

  async set(partner: PartnerActing, dto: SetWebhookDto): Promise<WebhookDto> {
    const url = await this.screened(dto.url);
    return this.transactions.run(async (manager) => {
      const webhook = await this.webhooks.upsert(manager, partner.partnerId, url, dto.secret);
      await this.audit.record(manager, partner.actor, {
        action: 'partner_webhook.set',
        entityType: 'partner_webhook',
        entityId: webhook.id,
        after: { partnerId: partner.partnerId, url: webhook.url, ...partner.trace },
      });
      return toDto(webhook);
    });
  }

  async get(partner: PartnerActing): Promise<WebhookDto> {
    const webhook = await this.webhooks.findByPartner(partner.partnerId);
    if (!webhook) throw PartnersErrors.WEBHOOK_NOT_FOUND();
    return toDto(webhook);
  }

  async deliveries(partner: PartnerActing, query: PageQueryDto): Promise<Page<WebhookDeliveryDto>> {
    const webhook = await this.webhooks.findByPartner(partner.partnerId);
    if (!webhook) throw PartnersErrors.WEBHOOK_NOT_FOUND();
    const { rows, total } = await this.webhooks.deliveries(webhook.id, pageWindow(query));
    return pageOf(rows, total, query);
  }

  /**
   * The console's form (a partner-admin): sets or replaces the address, screened as the API
   * screens it. A replaced address keeps its secret; a new webhook gets one chosen here, shown once.
   */
  async setUrl(partner: PartnerActing, rawUrl: string): Promise<WebhookChanged> {
    const url = await this.screened(rawUrl);
    return this.transactions.run(async (manager) => {
      const known = await this.webhooks.findByPartner(partner.partnerId, manager);
      const secret = known ? null : newWebhookSecret();
      const webhook = await this.webhooks.upsert(manager, partner.partnerId, url, known?.secret ?? secret!);
      await this.audit.record(manager, partner.actor, {
        action: 'partner_webhook.set',
        entityType: 'partner_webhook',
        entityId: webhook.id,
        after: { partnerId: partner.partnerId, url: webhook.url, secretChanged: secret !== null, ...partner.trace },
      });
      return { webhook: toDto(webhook), secret };
    });
  }

  /** A new secret, chosen here and returned once: the old one stops signing at once. */
  async rotateSecret(partner: PartnerActing): Promise<WebhookChanged> {
    return this.transactions.run(async (manager) => {
      const secret = newWebhookSecret();
      const webhook = await this.webhooks.setSecret(manager, partner.partnerId, secret);
      if (!webhook) throw PartnersErrors.WEBHOOK_NOT_FOUND();
      await this.audit.record(manager, partner.actor, {
        action: 'partner_webhook.rotate_secret',
        entityType: 'partner_webhook',
        entityId: webhook.id,
        after: { partnerId: partner.partnerId, ...partner.trace },
      });
      return { webhook: toDto(webhook), secret };
    });
  }

  /** Removes the webhook and its delivery log: the partner's events are no longer sent anywhere. */
  async remove(partner: PartnerActing): Promise<void> {
    await this.transactions.run(async (manager) => {
      const webhook = await this.webhooks.remove(manager, partner.partnerId);
      if (!webhook) throw PartnersErrors.WEBHOOK_NOT_FOUND();
      await this.audit.record(manager, partner.actor, {
        action: 'partner_webhook.remove',
        entityType: 'partner_webhook',
        entityId: webhook.id,
        before: { partnerId: partner.partnerId, url: webhook.url },
        after: { ...partner.trace },
      });
    });
  }

  /** The SSRF screening (decision 029): a 400 on `url` saying why. */
  private async screened(raw: string): Promise<string> {
    const target = await screenWebhookUrl(raw, this.config.webhookAllowPrivate);
    if (typeof target === 'string') throw CommonErrors.VALIDATION_FAILED(undefined, [{ field: 'url', messages: [target] }]);
    return target.url.toString();
  }
}
