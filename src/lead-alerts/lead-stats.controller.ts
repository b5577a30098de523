import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { LeadStatsDto, LeadStatsQueryDto } from './dto/lead-stats.dto.js';
import { LeadStatsService } from './lead-stats.service.js';

@ApiTags('stats')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Vendors and buyers.' })
@ApiCommonErrorResponses()
@Controller('stats/leads')
export class LeadStatsController {
  constructor(private readonly stats: LeadStatsService) {}

  @Get()
  @Roles('curator', 'admin')
  @ApiOperation({
    summary: 'Lead alerts over a period: leads sent, open and interest rates, time to first interest, reasons for « pas intéressé ».',
  })
  @ApiOkResponse({ type: LeadStatsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  figures(@CurrentCaller() caller: Caller, @Query() query: LeadStatsQueryDto): Promise<LeadStatsDto> {
    return this.stats.figures(caller, query);
  }

  @Get('export.csv')
  @Roles('curator', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="circuit-ia-pistes.csv"')
  @ApiOperation({ summary: 'Lead alerts per need over a period, as CSV (UTF-8 with BOM, RFC 4180).' })
  // Only the 200 is CSV (decision 025): @ApiProduces would make the JSON error bodies CSV too.
  @ApiOkResponse({
    description: 'The CSV file.',
    content: {
      'text/csv': {
        schema: { type: 'string', example: 'needId,publishedAt,leads,notified,opened,interested,notInterested,firstInterestAt\r\n' },
      },
    },
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  csv(@CurrentCaller() caller: Caller, @Query() query: LeadStatsQueryDto): Promise<string> {
    return this.stats.csv(caller, query);
  }
}
