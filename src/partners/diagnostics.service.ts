import { Injectable } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors.js';
import { DiagnosticsRepository, type DiagnosticNeedRow, type DiagnosticRow } from './diagnostics.repository.js';

export type { DiagnosticNeedRow, DiagnosticRow };

/** Imported diagnostics as the curators read them (decision 029): the latest, and one with its needs together. */
@Injectable()
export class DiagnosticsService {
  constructor(private readonly diagnostics: DiagnosticsRepository) {}

  latest(limit = 20): Promise<DiagnosticRow[]> {
    return this.diagnostics.latest(limit);
  }

  /** A diagnostic and every need it produced, with where each stands; 404 when unknown. */
  async withNeeds(id: string): Promise<{ diagnostic: DiagnosticRow; needs: DiagnosticNeedRow[] }> {
    const diagnostic = await this.diagnostics.find(id);
    if (!diagnostic) throw CommonErrors.NOT_FOUND();
    return { diagnostic, needs: await this.diagnostics.needsWithStatus(id) };
  }
}
