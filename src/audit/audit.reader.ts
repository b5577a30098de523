import { Injectable } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors.js';
import { pageOf, type Page } from '../common/pagination.js';
import { AuditRepository } from './audit.repository.js';
import { toAuditEventDto, type AuditEventDto } from './dto/audit-event.dto.js';
import type { AuditQueryDto } from './dto/audit-query.dto.js';

/** Reads the audit log for curators and admins (the route's role guard has let them in). */
@Injectable()
export class AuditReader {
  constructor(private readonly audit: AuditRepository) {}

  async list(query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      throw CommonErrors.VALIDATION_FAILED(undefined, [{ field: 'to', messages: ['to must be after from'] }]);
    }
    const { items, total } = await this.audit.search(query);
    return pageOf(items.map(toAuditEventDto), total, query);
  }
}
