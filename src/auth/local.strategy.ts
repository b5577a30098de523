import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service.js';
import type { AuthenticatedUser } from '../identity/caller.js';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', session: false, passReqToCallback: true });
  }

  validate(request: { ip?: string }, email: string, password: string): Promise<AuthenticatedUser> {
    return this.auth.validateCredentials(email, password, request.ip);
  }
}
