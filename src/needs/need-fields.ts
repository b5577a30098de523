import { CommonErrors } from '../common/errors/common.errors.js';
import { departementOfCommune, regionOfCommune } from '../reference/geo/geography.js';
import type { NeedFieldsDto } from './dto/need-input.dto.js';
import type { NeedEntity } from './need.entity.js';
import type { NeedChanges } from './needs.repository.js';

/** The columns a buyer's input sets, with the département and région derived from the commune. */
export function changesFromInput(dto: NeedFieldsDto & { title?: string }): NeedChanges {
  const changes: NeedChanges = {};
  for (const [key, value] of Object.entries(dto)) {
    if (value !== undefined && key !== 'version') (changes as Record<string, unknown>)[key] = value;
  }
  if (dto.communeCode !== undefined) {
    changes.departementCode = departementOfCommune(dto.communeCode) ?? null;
    changes.regionCode = regionOfCommune(dto.communeCode) ?? null;
  }
  return changes;
}

type RangeFields = Pick<NeedEntity, 'minBudgetEur' | 'maxBudgetEur' | 'desiredStart' | 'deadline'>;

/** Rules across fields, checked on the need as it will be (stored values merged with the changes): 400 naming the field. */
export function assertCoherent(need: RangeFields): void {
  const problems: { field: string; messages: string[] }[] = [];
  if (need.minBudgetEur != null && need.maxBudgetEur != null && need.minBudgetEur > need.maxBudgetEur) {
    problems.push({ field: 'maxBudgetEur', messages: ['maxBudgetEur must be greater than or equal to minBudgetEur'] });
  }
  if (need.desiredStart && need.deadline && need.deadline < need.desiredStart) {
    problems.push({ field: 'deadline', messages: ['deadline must not be before desiredStart'] });
  }
  if (problems.length > 0) throw CommonErrors.VALIDATION_FAILED(undefined, problems);
}

/** What the audit log keeps of a need: business fields only, no personal data. */
export function auditView(n: NeedEntity): Record<string, unknown> {
  return {
    status: n.status,
    version: n.version,
    title: n.title,
    useCases: n.useCases,
    sector: n.sector,
    communeCode: n.communeCode,
    reach: n.reach,
    acceptsRemote: n.acceptsRemote,
    minBudgetEur: n.minBudgetEur,
    maxBudgetEur: n.maxBudgetEur,
    budgetFirm: n.budgetFirm,
    desiredStart: n.desiredStart,
    deadline: n.deadline,
    dataSensitivity: n.dataSensitivity,
    requirements: n.requirements,
    minSovereigntyGrade: n.minSovereigntyGrade,
  };
}
