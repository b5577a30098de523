import { ApiProperty } from '@nestjs/swagger';
import { BUYER_TYPES } from '../../reference/organisation-kinds.js';
import { DataSensitivity, HardRequirement } from '../../reference/sovereignty/sovereignty.enums.js';
import { allowedTransitions, NEED_ACTIONS, NEED_STATUSES, type NeedAction } from '../need-lifecycle.js';
import { CLOSE_OUTCOMES, NEED_MIN_GRADES, NEED_REACHES, NEED_SOURCES, type NeedEntity } from '../need.entity.js';
import { missingSuggestions, suggestedRequirements } from '../need-requirements.js';

/**
 * A need as its buyer organisation and curators see it. It holds no personal data of the buyer
 * (no name, e-mail or phone): contacts travel only through consented introductions.
 */
export class NeedDto {
  @ApiProperty({ example: '3f1c9c1e-5b7e-4c43-9f3c-6f2a1f0b7d2e' })
  id!: string;

  @ApiProperty({ example: '0b7e4a3c-2f1d-4c5e-9a8b-7c6d5e4f3a2b', description: 'The buyer organisation.' })
  organisationId!: string;

  @ApiProperty({ enum: BUYER_TYPES, nullable: true, example: 'collectivite' })
  buyerType!: string | null;

  @ApiProperty({ example: 'Tri automatique des courriers entrants' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Nous recevons 300 courriers par jour…' })
  description!: string | null;

  @ApiProperty({ type: [String], example: ['DOC_PROCESSING'] })
  useCases!: string[];

  @ApiProperty({ type: String, nullable: true, example: '84.11Z' })
  sector!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '06088' })
  communeCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '06', description: 'Derived from the commune.' })
  departementCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '93', description: 'Derived from the commune.' })
  regionCode!: string | null;

  @ApiProperty({ enum: NEED_REACHES, nullable: true, example: 'regional' })
  reach!: string | null;

  @ApiProperty({ example: true })
  acceptsRemote!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: 5000 })
  minBudgetEur!: number | null;

  @ApiProperty({ example: false, description: 'True: offerings priced outside the budget are excluded; false: they only rank lower.' })
  budgetFirm!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: 20000 })
  maxBudgetEur!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2027-01-15' })
  desiredStart!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2027-06-30' })
  deadline!: string | null;

  @ApiProperty({ enum: DataSensitivity, nullable: true, example: DataSensitivity.PERSONAL })
  dataSensitivity!: string | null;

  @ApiProperty({ enum: HardRequirement, isArray: true, example: [HardRequirement.GDPR_DPA] })
  requirements!: string[];

  @ApiProperty({
    enum: HardRequirement,
    isArray: true,
    example: [HardRequirement.GDPR_DPA, HardRequirement.DATA_IN_EU],
    description:
      'Defaults for the data sensitivity (REFERENCE §4.5), plus the collectivité suggestions for a collectivité; empty until dataSensitivity is set.',
  })
  suggestedRequirements!: HardRequirement[];

  @ApiProperty({
    enum: HardRequirement,
    isArray: true,
    example: [HardRequirement.DATA_IN_EU],
    description: 'Suggested requirements not in `requirements`; send them in `requirements` to accept them.',
  })
  missingSuggestedRequirements!: HardRequirement[];

  @ApiProperty({ enum: NEED_MIN_GRADES, nullable: true, example: 'B' })
  minSovereigntyGrade!: string | null;

  @ApiProperty({ enum: NEED_STATUSES, example: 'submitted' })
  status!: string;

  @ApiProperty({
    enum: NEED_SOURCES,
    example: 'direct',
    description: 'Where the need came from: typed here, or brought by a partner, a diagnostic…',
  })
  source!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The partner that brought it (decision 029).' })
  partnerId!: string | null;

  @ApiProperty({
    enum: NEED_ACTIONS,
    isArray: true,
    example: ['publish', 'request-changes', 'reject'],
    description: 'Actions the current state allows.',
  })
  allowedActions!: NeedAction[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Précisez le volume de courriers.',
    description: 'Last message of a curator asking for changes.',
  })
  curatorMessage!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  rejectionReason!: string | null;

  @ApiProperty({ enum: CLOSE_OUTCOMES, nullable: true, example: null })
  closeOutcome!: string | null;

  @ApiProperty({ type: Date, nullable: true, example: '2026-11-25T10:00:00.000Z', description: 'Last submission.' })
  submittedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, example: null })
  changesRequestedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, example: null })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, example: null })
  rejectedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, example: null })
  closedAt!: Date | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 3600,
    description: 'Seconds since submission while the need waits for a curator; null otherwise.',
  })
  waitingSeconds!: number | null;

  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ example: '2026-11-25T09:00:00.000Z' })
  createdAt!: Date;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  updatedAt!: Date;
}

export function toNeedDto(n: NeedEntity, now: Date = new Date()): NeedDto {
  const buyerType = n.organisation?.buyerType ?? null;
  const suggested = suggestedRequirements(n.dataSensitivity as DataSensitivity | null, buyerType);
  return {
    id: n.id,
    organisationId: n.organisationId,
    buyerType,
    title: n.title,
    description: n.description,
    useCases: n.useCases,
    sector: n.sector,
    communeCode: n.communeCode,
    departementCode: n.departementCode,
    regionCode: n.regionCode,
    reach: n.reach,
    acceptsRemote: n.acceptsRemote,
    minBudgetEur: n.minBudgetEur,
    maxBudgetEur: n.maxBudgetEur,
    budgetFirm: n.budgetFirm,
    desiredStart: n.desiredStart,
    deadline: n.deadline,
    dataSensitivity: n.dataSensitivity,
    requirements: n.requirements,
    suggestedRequirements: suggested,
    missingSuggestedRequirements: missingSuggestions(suggested, n.requirements),
    minSovereigntyGrade: n.minSovereigntyGrade,
    status: n.status,
    source: n.source,
    partnerId: n.partnerId,
    allowedActions: allowedTransitions(n.status),
    curatorMessage: n.curatorMessage,
    rejectionReason: n.rejectionReason,
    closeOutcome: n.closeOutcome,
    submittedAt: n.submittedAt,
    changesRequestedAt: n.changesRequestedAt,
    publishedAt: n.publishedAt,
    rejectedAt: n.rejectedAt,
    closedAt: n.closedAt,
    waitingSeconds:
      n.status === 'submitted' && n.submittedAt ? Math.max(0, Math.floor((now.getTime() - n.submittedAt.getTime()) / 1000)) : null,
    version: n.version,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}
