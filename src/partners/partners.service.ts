import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { Caller } from '../identity/caller.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { generateApiKey } from './api-key-secret.js';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto.js';
import type { CreatePartnerDto, PartnerDto } from './dto/partner.dto.js';
import { PartnerAccess } from './partner-access.js';
import type { PartnerActing } from './partner-caller.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnersRepository, type ApiKeyRow } from './partners.repository.js';

const toKeyDto = (k: ApiKeyRow): ApiKeyDto => ({ ...k });

/** Admins create partners; admins and the partner's own admins manage its API keys (decision 029); every key action is audited. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partners: PartnersRepository,
    private readonly audit: AuditService,
    private readonly access: PartnerAccess,
  ) {}

  async create(caller: Caller, dto: CreatePartnerDto): Promise<PartnerDto> {
    return this.transactions.run(async (manager) => {
      const partner = await this.partners.insertPartner(manager, {
        name: dto.name.trim(),
        kind: dto.kind,
        allowedOrigins: [...new Set((dto.allowedOrigins ?? []).map((o) => new URL(o).origin))],
        createdBy: caller.userId,
      });
      await this.audit.record(manager, caller, {
        action: 'partner.create',
        entityType: 'partner',
        entityId: partner.id,
        after: { name: partner.name, kind: partner.kind, allowedOrigins: partner.allowedOrigins },
      });
      return partner;
    });
  }

  list(): Promise<PartnerDto[]> {
    return this.partners.listPartners();
  }

  /** The partner a partner-admin acts for. */
  async mine(caller: Caller): Promise<PartnerDto> {
    const partner = await this.partners.findPartner(await this.access.ownPartnerId(caller));
    if (!partner) throw PartnersErrors.PARTNER_NOT_FOUND();
    return partner;
  }

  /** The secret is in this answer only; the database keeps its hash and prefix. */
  async createKey(acting: PartnerActing, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { partnerId, actor } = acting;
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw CommonErrors.VALIDATION_FAILED(undefined, [{ field: 'expiresAt', messages: ['expiresAt must be in the future'] }]);
    }
    const key = generateApiKey();
    return this.transactions.run(async (manager) => {
      const row = await this.partners.insertKey(manager, {
        partnerId,
        label: dto.label.trim(),
        prefix: key.prefix,
        hash: key.hash,
        scopes: dto.scopes,
        expiresAt,
        createdBy: actor?.userId ?? null,
      });
      await this.audit.record(manager, actor, {
        action: 'partner_api_key.create',
        entityType: 'partner_api_key',
        entityId: row.id,
        after: { partnerId, prefix: row.prefix, scopes: row.scopes, expiresAt: row.expiresAt },
      });
      return { ...toKeyDto(row), secret: key.secret };
    });
  }

  async listKeys(acting: PartnerActing): Promise<ApiKeyDto[]> {
    return (await this.partners.listKeys(acting.partnerId)).map(toKeyDto);
  }

  /** Idempotent: revoking a revoked key answers it as it is, without a second audit event. */
  async revokeKey(acting: PartnerActing, keyId: string): Promise<ApiKeyDto> {
    const { partnerId, actor } = acting;
    return this.transactions.run(async (manager) => {
      const revoked = await this.partners.revokeKey(manager, partnerId, keyId);
      if (!revoked) {
        const existing = await this.partners.findKey(partnerId, keyId, manager);
        if (!existing) throw PartnersErrors.API_KEY_NOT_FOUND();
        return toKeyDto(existing);
      }
      await this.audit.record(manager, actor, {
        action: 'partner_api_key.revoke',
        entityType: 'partner_api_key',
        entityId: revoked.id,
        after: { partnerId, prefix: revoked.prefix, revokedAt: revoked.revokedAt },
      });
      return toKeyDto(revoked);
    });
  }
}
