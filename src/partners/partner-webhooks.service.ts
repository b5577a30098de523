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
    const target = await screenWebhookUrl(dto.url, this.config.webhookAllowPrivate);
    if (typeof target === 'string') throw CommonErrors.VALIDATION_FAILED(undefined, [{ field: 'url', messages: [target] }]);
    const url = target.url;
    return this.transactions.run(async (manager) => {
      const webhook = await this.webhooks.upsert(manager, partner.partnerId, url.toString(), dto.secret);
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
}
