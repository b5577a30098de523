import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { DiagnosticImportedDto, ImportDiagnosticDto } from './dto/diagnostic.dto.js';
import { DIAGNOSTIC_CSV_COLUMNS, DIAGNOSTIC_CSV_EXAMPLE } from './diagnostic-csv.js';
import { DiagnosticImportService } from './diagnostic-import.service.js';

import { CurrentPartner, type PartnerCaller } from './partner-caller.js';
import { PartnerKeyAuth } from './partner-key-auth.js';

@ApiTags('partner intake')
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No key, or an unknown, revoked or expired one.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'The key lacks needs:write.' })
@ApiCommonErrorResponses()
@Controller('partner/diagnostics')
export class PartnerDiagnosticsController {
  constructor(private readonly diagnostics: DiagnosticImportService) {}

  @Post()
  @PartnerKeyAuth('needs:write')
  @ApiOperation({
    summary: 'Imports a « diagnostic Data IA »: one draft need per prioritised use case, for the buyer to claim and submit.',
    description:
      'The JSON body is `ImportDiagnosticDto`; each entry of `useCases` follows `DiagnosticUseCaseDto`. Every row is ' +
      'checked before anything is written: a 400 lists each problem with its field (`useCases[2].horizon`) and a French ' +
      "message naming the row (« Cas d'usage n° 3 : … »), and nothing is stored. The import is idempotent on " +
      '(diagnosticId, use case code): importing again returns the existing needs with `created: false` and creates ' +
      'only new codes. New drafts share one invitation e-mailed to the contact; claiming it gives the buyer all the ' +
      "diagnostic's drafts. Example body: " +
      '`{"diagnosticId":"BPI-DIAG-2026-0042","date":"2026-11-30","expert":{"name":"Camille Martin","email":"camille.martin@bpifrance.fr"},' +
      '"company":{"name":"Boulangerie Niçoise","siren":"552100554","nafCode":"10.71C","communeCode":"06088","buyerType":"tpe"},' +
      '"contactEmail":"dirigeante@boulangerie-nicoise.fr","useCases":[{"code":"UC-1","priority":1,"title":"Prévision des ventes",' +
      '"useCaseCodes":["SALES_FORECAST"],"dataSensitivity":"none","horizon":"6_months","budgetMinEur":5000,"budgetMaxEur":15000}]}`',
  })
  @ApiCreatedResponse({ type: DiagnosticImportedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Invalid rows or fields, each named; nothing written.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'This diagnosticId was imported for another company (DIAGNOSTIC_OTHER_COMPANY).',
  })
  import(@CurrentPartner() partner: PartnerCaller, @Body() dto: ImportDiagnosticDto): Promise<DiagnosticImportedDto> {
    return this.diagnostics.import(partner, dto);
  }

  @Post('csv')
  @PartnerKeyAuth('needs:write')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: DIAGNOSTIC_CSV_EXAMPLE },
    description: `UTF-8 CSV, \`;\` or \`,\`, one line per use case, columns: ${DIAGNOSTIC_CSV_COLUMNS.join(', ')}.`,
  })
  @ApiOperation({
    summary: 'The same import from a CSV file (Content-Type: text/csv): one line per use case, the diagnostic’s columns repeated.',
    description:
      '`use_case_codes` holds codes separated by `|`; empty cells leave optional fields out. Errors name the line ' +
      '(the header is line 1) and the column, in French, and nothing is written. Idempotent as the JSON import.',
  })
  @ApiCreatedResponse({ type: DiagnosticImportedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Invalid lines or columns, each named; nothing written.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'This diagnostic_id was imported for another company (DIAGNOSTIC_OTHER_COMPANY).',
  })
  importCsv(@CurrentPartner() partner: PartnerCaller, @Body() csv: string): Promise<DiagnosticImportedDto> {
    return this.diagnostics.importCsv(partner, csv);
  }
}
