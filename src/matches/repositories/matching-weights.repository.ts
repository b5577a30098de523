import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Weights } from '../scoring/weights.js';

export interface StoredWeights {
  weights: Weights;
  version: number;
  updatedAt: Date;
}

/** The one row of `matching_weights`: the weights an admin set, versioned. */
@Injectable()
export class MatchingWeightsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async currentWeights(manager?: EntityManager): Promise<StoredWeights | null> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      'SELECT weights, version, updated_at AS "updatedAt" FROM matching_weights WHERE id = 1',
    )) as StoredWeights[];
    return rows[0] ?? null;
  }

  /**
   * Saves new weights in one transaction: the row locked (when there is one) so two admins'
   * changes serialise, and `record` (the audit) written through the same manager, with before and after.
   */
  replaceWeights<T>(
    weights: Weights,
    userId: string | null,
    record: (manager: EntityManager, before: StoredWeights | null, saved: StoredWeights) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockWeights(manager);
      return record(manager, before, await this.saveWeights(manager, weights, userId));
    });
  }

  private async lockWeights(manager: EntityManager): Promise<StoredWeights | null> {
    const rows = (await manager.query(
      'SELECT weights, version, updated_at AS "updatedAt" FROM matching_weights WHERE id = 1 FOR UPDATE',
    )) as StoredWeights[];
    return rows[0] ?? null;
  }

  private async saveWeights(manager: EntityManager, weights: Weights, userId: string | null): Promise<StoredWeights> {
    const rows = (await manager.query(
      `INSERT INTO matching_weights (id, weights, version, updated_by, updated_at) VALUES (1, $1, 1, $2, now())
       ON CONFLICT (id) DO UPDATE SET weights = EXCLUDED.weights, version = matching_weights.version + 1,
         updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING weights, version, updated_at AS "updatedAt"`,
      [JSON.stringify(weights), userId],
    )) as StoredWeights[];
    return rows[0];
  }
}
