import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { DiagnosticImportService, type DiagnosticSource } from '../../partners/diagnostic-import.service.js';
import { DiagnosticsService } from '../../partners/diagnostics.service.js';
import { PartnersService } from '../../partners/partners.service.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { asForm, text } from '../shared/form-input.js';
import { WebViews } from '../shared/views.js';
import { uploadProblems, type UploadProblem } from './diagnostic-upload.js';

const NOTHING_WRITTEN = "Le diagnostic contient des erreurs : rien n'a été enregistré. Corrigez le fichier puis envoyez-le à nouveau.";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the upload page shows besides its form: the file's problems, or what it would create. */
interface UploadState {
  partnerId?: string;
  problems?: UploadProblem[];
  message?: string;
  preview?: Awaited<ReturnType<DiagnosticImportService['preview']>>;
  content?: string;
  status?: number;
}

/**
 * Curators upload a « diagnostic Data IA » (issue 20, decision 029): the file (JSON or CSV) is
 * checked and previewed by the import service the API uses, nothing written; the curator confirms;
 * the import is the API's, audited with the curator as actor. A diagnostic's needs are listed together.
 */
@ConsoleController('app/curation/diagnostics')
export class WebCurationDiagnosticsController {
  constructor(
    private readonly views: WebViews,
    private readonly imports: DiagnosticImportService,
    private readonly diagnostics: DiagnosticsService,
    private readonly partners: PartnersService,
  ) {}

  @Get()
  @Roles('curator', 'admin')
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(reply, request, {});
  }

  /** The uploaded file (multipart), checked and previewed: nothing is written yet. */
  @Post('apercu')
  @Roles('curator', 'admin')
  async preview(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const form = asForm(body);
    const content = typeof form.fichier === 'string' ? form.fichier : '';
    const partnerId = text(form, 'partenaire');
    if (!content.trim())
      return this.send(reply, request, { partnerId, message: 'Choisissez le fichier du diagnostic (JSON ou CSV).', status: 400 });
    const source = this.source(caller, partnerId);
    if (!source) return this.send(reply, request, { message: 'Choisissez un partenaire de la liste, ou « Aucun ».', status: 400 });
    try {
      const preview = await this.imports.preview(source, content);
      return await this.send(reply, request, { partnerId, preview, content });
    } catch (error) {
      return this.refused(reply, request, partnerId, error);
    }
  }

  /** The previewed file confirmed: imported as the API imports it; what already existed is said. */
  @Post()
  @Roles('curator', 'admin')
  async confirm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const form = asForm(body);
    const content = typeof form.contenu === 'string' ? form.contenu : '';
    const partnerId = text(form, 'partenaire');
    const source = this.source(caller, partnerId);
    if (!source || !content.trim())
      return this.send(reply, request, { message: 'Envoyez à nouveau le fichier du diagnostic.', status: 400 });
    try {
      const imported = await this.imports.importFile(source, content);
      return this.sendDiagnostic(reply, request, imported.id, imported.needs, 201);
    } catch (error) {
      return this.refused(reply, request, partnerId, error);
    }
  }

  @Get(':id')
  @Roles('curator', 'admin')
  show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.sendDiagnostic(reply, request, id, null, 200);
  }

  /** The curator, for the chosen partner or none (audited as the curator, the page named). */
  private source(caller: Caller, partnerId: string | undefined): DiagnosticSource | null {
    if (partnerId !== undefined && !UUID.test(partnerId)) return null;
    return { partnerId: partnerId ?? null, actor: caller, trace: { via: 'curation_upload' } };
  }

  private async refused(reply: FastifyReply, request: FastifyRequest, partnerId: string | undefined, error: unknown): Promise<void> {
    if (!(error instanceof DomainError) || error.status >= 500) throw error;
    if (error.code === 'VALIDATION_FAILED') {
      return this.send(reply, request, { partnerId, problems: uploadProblems(error), message: NOTHING_WRITTEN, status: 400 });
    }
    if (error.code === 'PARTNER_NOT_FOUND') return this.send(reply, request, { message: 'Ce partenaire n’existe plus.', status: 404 });
    if (error.code === 'DIAGNOSTIC_OTHER_COMPANY') {
      const message = 'Ce diagnostic a déjà été importé pour une autre entreprise (autre SIREN) : rien n’a été enregistré.';
      return this.send(reply, request, { partnerId, message, status: 409 });
    }
    throw error;
  }

  private async send(reply: FastifyReply, request: FastifyRequest, state: UploadState): Promise<void> {
    const [partners, latest] = await Promise.all([this.partners.list(), this.diagnostics.latest(20)]);
    this.views.send(reply, request, 'curation/diagnostics', 'Importer un diagnostic', { partners, latest, ...state }, state.status ?? 200);
  }

  private async sendDiagnostic(
    reply: FastifyReply,
    request: FastifyRequest,
    id: string,
    imported: { code: string; created: boolean }[] | null,
    status: number,
  ): Promise<void> {
    const { diagnostic, needs } = await this.diagnostics.withNeeds(id);
    const created = imported ? new Set(imported.filter((n) => n.created).map((n) => n.code)) : null;
    const kept = imported ? imported.filter((n) => !n.created).length : 0;
    this.views.send(
      reply,
      request,
      'curation/diagnostic',
      `Diagnostic ${diagnostic.externalId}`,
      { diagnostic, needs, created, kept },
      status,
    );
  }
}
