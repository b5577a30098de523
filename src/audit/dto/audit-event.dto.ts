import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEventRecord } from '../audit.repository.js';

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for the system itself (boot tasks, scheduled jobs).',
  })
  actorId!: string | null;

  @ApiProperty({ type: String, example: 'curator' })
  actorRole!: string | null;

  @ApiProperty({ example: 'need.publish' })
  action!: string;

  @ApiProperty({ example: 'need' })
  entityType!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  entityId!: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { status: 'submitted' }, nullable: true })
  before!: Record<string, unknown> | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { status: 'published', useCases: ['DOC_PROCESSING'] },
    nullable: true,
  })
  after!: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: String, example: '5f0c1c9e-5b7e-4c43-9f3c-6f2a1f0b7d2e', nullable: true })
  requestId!: string | null;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  createdAt!: string;
}

export const toAuditEventDto = (r: AuditEventRecord): AuditEventDto => ({
  id: r.id,
  actorId: r.actorId,
  actorRole: r.actorRole,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  before: r.before,
  after: r.after,
  requestId: r.requestId,
  createdAt: r.createdAt.toISOString(),
});
