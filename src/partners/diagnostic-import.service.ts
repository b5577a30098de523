import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { FieldError } from '../common/errors/validation.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { changesFromInput } from '../needs/need-fields.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { normaliseEmail } from '../users/email.js';
import { generateInvitationToken } from './api-key-secret.js';
import { findOrCreateBuyer } from './buyer-organisation.js';
import { csvRowErrors, diagnosticFromCsv } from './diagnostic-csv.js';
import { diagnosticFromFile } from './diagnostic-file.js';
import { checkUseCases, desiredStartOf, type DiagnosticUseCase } from './diagnostic-rows.js';
import { DiagnosticsRepository } from './diagnostics.repository.js';
import type { DiagnosticImportedDto, ImportDiagnosticDto, ImportedUseCaseDto } from './dto/diagnostic.dto.js';
import { InvitationMailer } from './invitation-mailer.js';
import type { PartnerActing } from './partner-caller.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnersRepository } from './partners.repository.js';

const DAY_MS = 86_400_000;
const NOTHING_WRITTEN = "Le diagnostic contient des erreurs : rien n'a été enregistré.";
/** Who the buyer's invitation says prepared the drafts when no partner did. */
const NO_PARTNER_NAME = "L'équipe Circuit IA";

/** Who imports: a partner (its key or a person acting for it), or a curator with `partnerId: null`. */
export type DiagnosticSource = Omit<PartnerActing, 'partnerId'> & { partnerId: string | null };

/** What an upload would do, before anything is written: each use case, and the need it already has. */
export interface DiagnosticPreview {
  format: 'json' | 'csv';
  dto: ImportDiagnosticDto;
  useCases: (DiagnosticUseCase & { existingNeedId: string | null })[];
}

/**
 * Imports a « diagnostic Data IA » (issue 20): one draft need per prioritised use case, linked to
 * the diagnostic and its expert. All rows are checked before anything is written; a re-import
 * creates only the use cases not imported yet. The new drafts share one invitation: claiming it
 * gives the buyer every draft of the diagnostic.
 */
@Injectable()
export class DiagnosticImportService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partners: PartnersRepository,
    private readonly diagnostics: DiagnosticsRepository,
    private readonly needs: NeedsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
    private readonly mailer: InvitationMailer,
    @InjectConfig('partners') private readonly config: ConfigSlices['partners'],
  ) {}

  /** The CSV variant: the same import, its errors naming the file's lines and columns. */
  async importCsv(partner: DiagnosticSource, csv: unknown): Promise<DiagnosticImportedDto> {
    const parsed = diagnosticFromCsv(typeof csv === 'string' ? csv : '');
    if ('errors' in parsed) throw CommonErrors.VALIDATION_FAILED(NOTHING_WRITTEN, parsed.errors);
    return this.import(partner, parsed.dto, csvRowErrors);
  }

  /**
   * A curator's upload, checked exactly as the import checks it, and nothing written: the use
   * cases it would create and those already imported. Its refusals are the import's.
   */
  async preview(source: DiagnosticSource, text: string): Promise<DiagnosticPreview> {
    const file = diagnosticFromFile(text);
    if ('errors' in file) throw CommonErrors.VALIDATION_FAILED(NOTHING_WRITTEN, file.errors);
    const checked = checkUseCases(file.dto.useCases);
    if ('errors' in checked) throw CommonErrors.VALIDATION_FAILED(NOTHING_WRITTEN, file.rename(checked.errors));
    const { dto } = file;
    const existing = await this.transactions.run(async (manager) => {
      if (source.partnerId && !(await this.partners.findPartner(source.partnerId, manager))) throw PartnersErrors.PARTNER_NOT_FOUND();
      const known = await this.diagnostics.existingNeeds(manager, source.partnerId, dto.diagnosticId);
      const organisation = await this.organisations.findByKindAndSiren(manager, 'buyer', dto.company.siren);
      if (known && organisation?.id !== known.organisationId) throw PartnersErrors.DIAGNOSTIC_OTHER_COMPANY();
      return known?.needs ?? new Map<string, string>();
    });
    return {
      format: file.format,
      dto,
      useCases: checked.useCases.map((uc) => ({ ...uc, existingNeedId: existing.get(uc.code) ?? null })),
    };
  }

  /** A curator's upload confirmed: JSON or CSV, imported as the API imports it. */
  importFile(source: DiagnosticSource, text: string): Promise<DiagnosticImportedDto> {
    const file = diagnosticFromFile(text);
    if ('errors' in file) throw CommonErrors.VALIDATION_FAILED(NOTHING_WRITTEN, file.errors);
    return this.import(source, file.dto, file.rename);
  }

  async import(
    partner: DiagnosticSource,
    dto: ImportDiagnosticDto,
    rename: (errors: FieldError[]) => FieldError[] = (errors) => errors,
  ): Promise<DiagnosticImportedDto> {
    const checked = checkUseCases(dto.useCases);
    if ('errors' in checked) throw CommonErrors.VALIDATION_FAILED(NOTHING_WRITTEN, rename(checked.errors));
    const email = normaliseEmail(dto.contactEmail);
    const { token, hash } = generateInvitationToken();
    const expiresAt = new Date(Date.now() + this.config.invitationTtlDays * DAY_MS);
    const done = await this.transactions.run(async (manager) => {
      const partnerRow = partner.partnerId ? await this.partners.findPartner(partner.partnerId, manager) : { name: NO_PARTNER_NAME };
      if (!partnerRow) throw PartnersErrors.PARTNER_NOT_FOUND();
      const organisation = await findOrCreateBuyer(this.organisations, manager, dto.company);
      const diagnostic = await this.diagnostics.upsert(manager, {
        partnerId: partner.partnerId,
        externalId: dto.diagnosticId,
        organisationId: organisation.id,
        expertName: dto.expert.name.trim(),
        expertEmail: normaliseEmail(dto.expert.email),
        diagnosedOn: dto.date,
      });
      if (diagnostic.organisationId !== organisation.id) throw PartnersErrors.DIAGNOSTIC_OTHER_COMPANY();
      const existing = await this.diagnostics.needsOf(manager, diagnostic.id);
      const needs: ImportedUseCaseDto[] = [];
      for (const uc of checked.useCases) {
        const known = existing.get(uc.code);
        if (known) {
          needs.push({ code: uc.code, needId: known, created: false });
          continue;
        }
        const changes = changesFromInput({
          sector: organisation.nafCode,
          communeCode: organisation.communeCode,
          description: uc.description ?? undefined,
          useCases: uc.useCaseCodes,
          dataSensitivity: uc.dataSensitivity,
          minBudgetEur: uc.budgetMinEur ?? undefined,
          maxBudgetEur: uc.budgetMaxEur ?? undefined,
          desiredStart: desiredStartOf(dto.date, uc.horizon),
        });
        const need = await this.needs.insert(manager, {
          ...changes,
          title: uc.title,
          organisationId: organisation.id,
          createdBy: null,
          source: 'diagnostic',
          partnerId: partner.partnerId,
          diagnosticId: diagnostic.id,
          diagnosticUseCase: uc.code,
        });
        needs.push({ code: uc.code, needId: need.id, created: true });
      }
      const created = needs.filter((n) => n.created);
      const invitationId = created.length
        ? await this.partners.insertInvitation(manager, { needId: created[0].needId, email, tokenHash: hash, expiresAt })
        : null;
      await this.audit.record(manager, partner.actor, {
        action: 'diagnostic.import',
        entityType: 'diagnostic',
        entityId: diagnostic.id,
        after: {
          partnerId: partner.partnerId,
          diagnosticId: dto.diagnosticId,
          created: created.map((n) => n.needId),
          kept: needs.length - created.length,
          ...partner.trace,
        },
      });
      return {
        diagnosticId: diagnostic.id,
        needs,
        invitationId,
        partnerName: partnerRow.name,
        organisationName: organisation.name,
        created,
      };
    });
    if (done.invitationId) {
      await this.mailer.send({
        id: done.invitationId,
        to: email,
        token,
        partnerName: done.partnerName,
        title: `Diagnostic Data IA du ${dto.date.split('-').reverse().join('/')} : ${done.created.length} cas d'usage à relire`,
        organisationName: done.organisationName,
        expiresAt,
      });
    }
    return {
      id: done.diagnosticId,
      diagnosticId: dto.diagnosticId,
      needs: done.needs,
      invitationExpiresAt: done.invitationId ? expiresAt : null,
    };
  }
}
