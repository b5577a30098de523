import { Body, Controller, Delete, Get, HttpCode, Patch, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { AccountService } from './account.service.js';
import { PersonalDataExportDto } from './dto/export.dto.js';
import { UpdateMeDto } from './dto/update-me.dto.js';
import { MeDto } from './dto/user.dto.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('me')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiCommonErrorResponses()
@Controller('me')
export class MeController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s account, with its organisation and membership status.' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentCaller() caller: Caller): Promise<MeDto> {
    return this.account.me(caller);
  }

  @Patch()
  @ApiOperation({ summary: 'Changes the display name, the phone or the password (with the current one).' })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'WRONG_CURRENT_PASSWORD.' })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'LOGIN_THROTTLED: too many wrong passwords for this account, here or at sign-in; try again later.',
  })
  update(@CurrentCaller() caller: Caller, @Body() dto: UpdateMeDto, @Req() request: FastifyRequest): Promise<MeDto> {
    return this.account.update(caller, dto, request.ip);
  }

  @Get('export')
  @ApiOperation({ summary: 'Everything stored about the caller, as JSON (RGPD access and portability).' })
  @ApiOkResponse({ type: PersonalDataExportDto })
  export(@CurrentCaller() caller: Caller): Promise<PersonalDataExportDto> {
    return this.account.export(caller);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Erases the caller’s personal data and ends every session; the anonymous row stays for statistics.' })
  @ApiNoContentResponse({ description: 'Erased.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LAST_ADMIN.' })
  erase(@CurrentCaller() caller: Caller): Promise<void> {
    return this.account.erase(caller);
  }
}
