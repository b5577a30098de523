import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CreateStaffUserDto } from './dto/create-staff-user.dto.js';
import { UserDto } from './dto/user.dto.js';
import { StaffUsersService } from './staff-users.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Admins only.' })
@ApiCommonErrorResponses()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly staff: StaffUsersService) {}

  @Post()
  @ApiOperation({ summary: 'Creates a curator or an admin; audited.' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EMAIL_TAKEN.' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateStaffUserDto): Promise<UserDto> {
    return this.staff.create(caller, dto);
  }
}
