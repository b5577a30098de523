import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { MemberDto } from './dto/member.dto.js';
import { MembersService } from './members.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('organisations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not an approved member of this organisation, nor a curator or admin.' })
@ApiNotFoundResponse({ type: ErrorBodyDto })
@ApiCommonErrorResponses()
@Controller('organisations/:id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: 'Members of an organisation, pending ones first.' })
  @ApiOkResponse({ type: [MemberDto] })
  list(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<MemberDto[]> {
    return this.members.list(caller, id);
  }

  @Post(':userId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approves a pending member (an approved member, a curator or an admin); audited.' })
  @ApiOkResponse({ type: MemberDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'MEMBERSHIP_NOT_PENDING.' })
  approve(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<MemberDto> {
    return this.members.approve(caller, id, userId);
  }

  @Post(':userId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rejects a pending member; audited.' })
  @ApiOkResponse({ type: MemberDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'MEMBERSHIP_NOT_PENDING.' })
  reject(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<MemberDto> {
    return this.members.reject(caller, id, userId);
  }
}
