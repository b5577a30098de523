import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import type { MatchingWeightsDto } from './dto/match.dto.js';
import { MatchesErrors } from './matches.errors.js';
import { MatchingWeightsRepository } from './repositories/matching-weights.repository.js';
import { CRITERIA, DEFAULT_WEIGHTS, SCORING_VERSION, weightProblems, type Weights } from './scoring/weights.js';

export interface WeightsInUse {
  weights: Weights;
  /** 0 while no admin has changed them (the defaults apply). */
  version: number;
}

/** The weights of the match score: defaults until an admin sets them (audited). */
@Injectable()
export class MatchingWeightsService {
  constructor(
    private readonly repository: MatchingWeightsRepository,
    private readonly audit: AuditService,
  ) {}

  async inUse(): Promise<WeightsInUse> {
    const stored = await this.repository.currentWeights();
    return stored
      ? { weights: { ...DEFAULT_WEIGHTS, ...stored.weights }, version: stored.version }
      : { weights: { ...DEFAULT_WEIGHTS }, version: 0 };
  }

  async get(_caller: Caller): Promise<MatchingWeightsDto> {
    const stored = await this.repository.currentWeights();
    return toDto(
      stored ? { ...DEFAULT_WEIGHTS, ...stored.weights } : { ...DEFAULT_WEIGHTS },
      stored?.version ?? 0,
      stored?.updatedAt ?? null,
    );
  }

  /** 400 WEIGHTS_INVALID with `details` naming each field; before and after go to the audit log. */
  async update(caller: Caller, body: Record<string, unknown>): Promise<MatchingWeightsDto> {
    const problems = weightProblems(body);
    if (problems.length > 0) {
      throw MatchesErrors.WEIGHTS_INVALID(
        undefined,
        problems.map((p) => ({ field: p.split(':')[0], messages: [p] })),
      );
    }
    const weights = Object.fromEntries(CRITERIA.map((c) => [c, body[c] as number])) as Weights;
    return this.repository.replaceWeights(weights, caller.userId, async (manager, before, saved) => {
      await this.audit.record(manager, caller, {
        action: 'matching.weights.update',
        entityType: 'matching_weights',
        entityId: null,
        before: { weights: before?.weights ?? { ...DEFAULT_WEIGHTS }, version: before?.version ?? 0 },
        after: { weights: saved.weights, version: saved.version },
      });
      return toDto(saved.weights, saved.version, saved.updatedAt);
    });
  }
}

function toDto(weights: Weights, version: number, updatedAt: Date | null): MatchingWeightsDto {
  return {
    weights,
    version,
    isDefault: version === 0,
    scoringVersion: SCORING_VERSION,
    updatedAt: updatedAt ? new Date(updatedAt).toISOString() : null,
    defaults: { ...DEFAULT_WEIGHTS },
  };
}
