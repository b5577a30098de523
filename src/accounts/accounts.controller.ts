import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthRateLimitGuard } from '../auth/rate-limit.guard.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Public } from '../identity/public.decorator.js';
import { AccountLinkAnswerDto, ForgotPasswordDto, ResetPasswordDto, VerifyEmailDto } from './dto/account-links.dto.js';
import { EmailVerificationService } from './email-verification.service.js';
import { FORGOT_PASSWORD_ANSWER, PasswordResetService } from './password-reset.service.js';

/** Links by e-mail: forgotten password, address confirmation (issue 23). */
@ApiTags('auth')
@UseGuards(AuthRateLimitGuard)
@ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED: too many requests from this address or for this account.' })
@ApiCommonErrorResponses()
@Controller('auth')
export class AccountsController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly verifications: EmailVerificationService,
  ) {}

  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'E-mails a single-use link (valid 1 hour) to choose a new password, if the address has an account.' })
  @ApiAcceptedResponse({ type: AccountLinkAnswerDto, description: 'The same answer whether or not an account uses the address.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async forgot(@Body() dto: ForgotPasswordDto): Promise<AccountLinkAnswerDto> {
    await this.resets.request(dto.email);
    return { message: FORGOT_PASSWORD_ANSWER };
  }

  @Post('password/reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sets a new password with the link token; every session of the account is revoked.' })
  @ApiNoContentResponse({ description: 'Password changed; sign in with it.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'ACCOUNT_LINK_INVALID (unknown, used or expired), or VALIDATION_FAILED.' })
  reset(@Body() dto: ResetPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    return this.resets.reset(dto.token, dto.password, String(request.id));
  }

  @Post('email/verify')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirms the address of an account with the token of the link sent at sign-up.' })
  @ApiNoContentResponse({ description: 'Address confirmed: the account may now publish offerings or submit needs.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'ACCOUNT_LINK_INVALID (unknown, used or expired).' })
  verify(@Body() dto: VerifyEmailDto): Promise<void> {
    return this.verifications.verify(dto.token);
  }

  @Post('email/resend')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sends the caller a new confirmation link (at most one a minute, five an hour).' })
  @ApiNoContentResponse({ description: 'A new link is on its way.' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EMAIL_ALREADY_VERIFIED.' })
  resend(@CurrentCaller() caller: Caller): Promise<void> {
    return this.verifications.resend(caller);
  }
}
