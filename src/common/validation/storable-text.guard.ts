import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '../errors/common.errors.js';
import { unstorableFields } from './storable-text.js';

/**
 * Registered before every other guard, so a NUL byte is refused with a 400 naming the field before
 * any guard or handler (the login strategy, a search, an audit filter) sends it to PostgreSQL.
 */
@Injectable()
export class StorableTextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const fields = [...unstorableFields(request.params), ...unstorableFields(request.query), ...unstorableFields(request.body)];
    if (fields.length > 0) throw CommonErrors.VALIDATION_FAILED(undefined, fields);
    return true;
  }
}
