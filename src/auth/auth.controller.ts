import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { AuthService } from './auth.service.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { AuthResponseDto, LoginDto, RefreshDto, RegisterDto, TokensDto } from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { Public } from '../identity/public.decorator.js';
import { AuthRateLimitGuard } from './rate-limit.guard.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

/** Read to label the session (GET /me/export lists them); clients need not send it. */
const USER_AGENT_HEADER = { name: 'user-agent', required: false, description: 'Labels the session the tokens belong to.' };

@ApiTags('auth')
@Public()
@UseGuards(AuthRateLimitGuard)
@ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED: too many attempts from this address.' })
@ApiCommonErrorResponses()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiHeader(USER_AGENT_HEADER)
  @ApiOperation({ summary: 'Creates a vendor or buyer account with its organisation (or joins it, pending approval).' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, e.g. an invalid siren or a weak password.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EMAIL_TAKEN.' })
  register(@Body() dto: RegisterDto, @Headers('user-agent') userAgent?: string): Promise<AuthResponseDto> {
    return this.auth.register(dto, userAgent);
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiHeader(USER_AGENT_HEADER)
  @ApiOperation({ summary: 'Exchanges e-mail and password for an access token and a refresh token.' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'INVALID_CREDENTIALS, the same for an unknown e-mail and a wrong password.' })
  login(@CurrentCaller() caller: Caller, @Headers('user-agent') userAgent?: string): Promise<AuthResponseDto> {
    return this.auth.login(caller, userAgent);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiHeader(USER_AGENT_HEADER)
  @ApiOperation({ summary: 'Rotates the refresh token; replaying a used one revokes the whole session.' })
  @ApiOkResponse({ type: TokensDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'INVALID_REFRESH_TOKEN.' })
  refresh(@Body() dto: RefreshDto, @Headers('user-agent') userAgent?: string): Promise<TokensDto> {
    return this.auth.refresh(dto.refreshToken, userAgent);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes the session of this refresh token (all its rotations).' })
  @ApiNoContentResponse({ description: 'Logged out (also when the token was unknown).' })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }
}
