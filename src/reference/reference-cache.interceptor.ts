import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { of, tap, type Observable } from 'rxjs';
import { ReferenceService } from './reference.service.js';

export const REFERENCE_CACHE_CONTROL = 'public, max-age=86400';

/** Whether an If-None-Match header names this entity tag (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * Reference data change only with a deploy, so every answer is cacheable for a day and carries an
 * entity tag derived from the data version; a matching If-None-Match gets an empty 304 (the tag
 * only ever goes out with a 200, so a client revalidates what it was given).
 */
@Injectable()
export class ReferenceCacheInterceptor implements NestInterceptor {
  constructor(private readonly reference: ReferenceService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const etag = `"${this.reference.version()}"`;
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      return of(new Response(null, { status: 304, headers: { etag, 'cache-control': REFERENCE_CACHE_CONTROL } }));
    }
    // Set on success only: an error answer must not be cached for a day.
    return next.handle().pipe(tap(() => void reply.header('cache-control', REFERENCE_CACHE_CONTROL).header('etag', etag)));
  }
}
