import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, PageQueryDto, type Page } from '../common/pagination.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { StatsSourcesDto } from '../stats/dto/stats-sources.dto.js';
import { StatsPeriodQueryDto } from '../stats/dto/stats-period.dto.js';
import { StatsService } from '../stats/stats.service.js';
import { DiagnosticImportedDto, ImportDiagnosticDto } from './dto/diagnostic.dto.js';
import { InvitationResentDto, RESEND_DESCRIPTION } from './dto/invitation.dto.js';
import { PartnerNeedDto } from './dto/partner-need.dto.js';
import { DIAGNOSTIC_CSV_EXAMPLE } from './diagnostic-csv.js';
import { DiagnosticImportService } from './diagnostic-import.service.js';
import { InvitationResendService } from './invitation-resend.service.js';
import { NOT_YOURS, PartnerAccess } from './partner-access.js';
import { PartnerAccountApi } from './partner-account-api.js';
import { PartnerIntakeService } from './partner-intake.service.js';

/**
 * What a partner's people do by hand what its tools do with a key: import a diagnostic, follow the
 * needs it brought and their figures, send a lost invitation again. Admins may act for any partner.
 */
@PartnerAccountApi()
@ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_YOURS })
@Controller('partners/:partnerId')
export class PartnerAccountIntakeController {
  constructor(
    private readonly access: PartnerAccess,
    private readonly diagnostics: DiagnosticImportService,
    private readonly intake: PartnerIntakeService,
    private readonly resends: InvitationResendService,
    private readonly figures: StatsService,
  ) {}

  @Post('diagnostics')
  @ApiOperation({
    summary: 'Imports a « diagnostic Data IA » for the partner, exactly as POST /partner/diagnostics does with a key.',
    description: 'Same body (`ImportDiagnosticDto`), same row checks in French, same idempotence on (diagnosticId, use case).',
  })
  @ApiCreatedResponse({ type: DiagnosticImportedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Invalid rows or fields, each named; nothing written.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'This diagnosticId was imported for another company (DIAGNOSTIC_OTHER_COMPANY).',
  })
  async importDiagnostic(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: ImportDiagnosticDto,
  ): Promise<DiagnosticImportedDto> {
    return this.diagnostics.import(await this.access.actingFor(caller, partnerId), dto);
  }

  @Post('diagnostics/csv')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: DIAGNOSTIC_CSV_EXAMPLE }, description: 'The CSV of POST /partner/diagnostics/csv.' })
  @ApiOperation({ summary: 'The same import from a CSV file (Content-Type: text/csv), as POST /partner/diagnostics/csv.' })
  @ApiCreatedResponse({ type: DiagnosticImportedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Invalid lines or columns, each named; nothing written.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'This diagnosticId was imported for another company (DIAGNOSTIC_OTHER_COMPANY).',
  })
  async importDiagnosticCsv(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() csv: string,
  ): Promise<DiagnosticImportedDto> {
    return this.diagnostics.importCsv(await this.access.actingFor(caller, partnerId), csv);
  }

  @Get('needs')
  @ApiOperation({ summary: 'The needs this partner brought, newest first, as GET /partner/needs shows them.' })
  @ApiPageResponse(PartnerNeedDto)
  async needs(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<PartnerNeedDto>> {
    return this.intake.listNeeds(await this.access.actingFor(caller, partnerId), query);
  }

  @Post('needs/:needId/invitation')
  @ApiOperation({
    summary: "Sends the buyer's invitation to claim this draft again, with a new link; earlier links stop working (410).",
    description: RESEND_DESCRIPTION,
  })
  @ApiCreatedResponse({ type: InvitationResentDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'Already claimed by the buyer, or no longer a draft (INVITATION_NOT_RESENDABLE).',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'An invitation for this need was sent less than 5 minutes ago, or 5 today.',
  })
  async resendInvitation(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('needId', ParseUUIDPipe) needId: string,
  ): Promise<InvitationResentDto> {
    return this.resends.resend(await this.access.actingFor(caller, partnerId), needId);
  }

  @Get('stats')
  @ApiOperation({
    summary: "The partner's own figures: its needs created in the period by source (partner, diagnostic), and what became of them.",
    description: 'The shape of GET /stats/sources, restricted to this partner: `byPartner` holds it alone (or nothing without a need).',
  })
  @ApiOkResponse({ type: StatsSourcesDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async stats(
    @CurrentCaller() caller: Caller,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Query() query: StatsPeriodQueryDto,
  ): Promise<StatsSourcesDto> {
    return this.figures.partnerSources((await this.access.actingFor(caller, partnerId)).partnerId, query);
  }
}
