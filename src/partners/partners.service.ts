import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { Caller } from '../identity/caller.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { generateApiKey } from './api-key-secret.js';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto.js';
import type { CreatePartnerDto, PartnerDto } from './dto/partner.dto.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnersRepository, type ApiKeyRow } from './partners.repository.js';

const toKeyDto = (k: ApiKeyRow): ApiKeyDto => ({ ...k });

/** Admins create partners and manage their API keys (decision 029); every key action is audited. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partners: PartnersRepository,
    private readonly audit: AuditService,
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

  /** The secret is in this answer only; the database keeps its hash and prefix. */
  async createKey(caller: Caller, partnerId: string, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw CommonErrors.VALIDATION_FAILED(undefined, [{ field: 'expiresAt', messages: ['expiresAt must be in the future'] }]);
    }
    const key = generateApiKey();
    return this.transactions.run(async (manager) => {
      if (!(await this.partners.findPartner(partnerId, manager))) throw PartnersErrors.PARTNER_NOT_FOUND();
      const row = await this.partners.insertKey(manager, {
        partnerId,
        label: dto.label.trim(),
        prefix: key.prefix,
        hash: key.hash,
        scopes: dto.scopes,
        expiresAt,
        createdBy: caller.userId,
      });
      await this.audit.record(manager, caller, {
        action: 'partner_api_key.create',
        entityType: 'partner_api_key',
        entityId: row.id,
        after: { partnerId, prefix: row.prefix, scopes: row.scopes, expiresAt: row.expiresAt },
      });
      return { ...toKeyDto(row), secret: key.secret };
    });
  }

  async listKeys(partnerId: string): Promise<ApiKeyDto[]> {
    if (!(await this.partners.findPartner(partnerId))) throw PartnersErrors.PARTNER_NOT_FOUND();
    return (await this.partners.listKeys(partnerId)).map(toKeyDto);
  }

  /** Idempotent: revoking a revoked key answers it as it is, without a second audit event. */
  async revokeKey(caller: Caller, partnerId: string, keyId: string): Promise<ApiKeyDto> {
    return this.transactions.run(async (manager) => {
      const revoked = await this.partners.revokeKey(manager, partnerId, keyId);
      if (!revoked) {
        const existing = await this.partners.findKey(partnerId, keyId, manager);
        if (!existing) throw PartnersErrors.API_KEY_NOT_FOUND();
        return toKeyDto(existing);
      }
      await this.audit.record(manager, caller, {
        action: 'partner_api_key.revoke',
        entityType: 'partner_api_key',
        entityId: revoked.id,
        after: { partnerId, prefix: revoked.prefix, revokedAt: revoked.revokedAt },
      });
      return toKeyDto(revoked);
    });
  }
}
