import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Roles } from '../identity/roles.decorator.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, type Page } from '../common/pagination.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { AuditEventDto } from './dto/audit-event.dto.js';
import { AuditReader } from './audit.reader.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('curator', 'admin')
@ApiCommonErrorResponses()
@Controller('audit')
export class AuditController {
  constructor(private readonly reader: AuditReader) {}

  @Get()
  @ApiOperation({ summary: 'The audit log of curator and admin actions, newest first; filters by entity, actor, action and dates.' })
  @ApiPageResponse(AuditEventDto)
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Curators and admins only.' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    return this.reader.list(query);
  }
}
