import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationFailed } from '../common/errors/validation.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuthErrors } from '../credentials/auth.errors.js';
import { LoginDto } from './dto/auth.dto.js';

/**
 * Checks e-mail and password with the local strategy. The body is validated first, because guards
 * run before pipes: a malformed body is a 400, not a failed login.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const errors = await validate(
      plainToInstance(LoginDto, typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}),
      {
        whitelist: true,
        forbidNonWhitelisted: true,
      },
    );
    if (errors.length > 0) throw validationFailed(errors);
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof DomainError) throw error;
    // An infrastructure failure (database down) is a 503 from the filter, not a wrong password.
    if (error) throw error;
    if (!user) throw AuthErrors.INVALID_CREDENTIALS();
    return user;
  }
}
