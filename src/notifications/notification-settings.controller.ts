import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { NotificationSettingsDto, UpdateNotificationSettingsDto } from './dto/notification-settings.dto.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('me')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiCommonErrorResponses()
@Controller('me/notifications')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The e-mail kinds and whether the caller muted each.' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentCaller() caller: Caller): Promise<NotificationSettingsDto> {
    return this.settings.get(caller);
  }

  @Patch()
  @ApiOperation({ summary: 'Sets the muted kinds (the whole set; a muted kind sends the caller nothing) and/or the lead alert frequency.' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  update(@CurrentCaller() caller: Caller, @Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.settings.update(caller, body);
  }
}
