import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { Roles } from '../identity/roles.decorator.js';

/**
 * What every `/partners/...` controller of a partner's own account declares: its OpenAPI tag and
 * errors, and that only platform admins and partner-admins reach it (PartnerAccess then checks the
 * partner is theirs).
 */
export const PartnerAccountApi = (): ClassDecorator =>
  applyDecorators(
    ApiTags('partner account'),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' }),
    ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Neither an admin nor a partner-admin.' }),
    ApiCommonErrorResponses(),
    Roles('admin', 'partner'),
  );
