import type { FastifyRequest } from 'fastify';
import { WEB_PREFIX } from './web-session.service.js';

export const isWebPath = (url: string): boolean =>
  url === WEB_PREFIX || url.startsWith(`${WEB_PREFIX}/`) || url.startsWith(`${WEB_PREFIX}?`);

/**
 * The console path a request reaches, as the router matched it: `/%61pp/connexion` reaches the
 * `/app/connexion` handler, so deciding on the raw URL would let it skip the CSRF check.
 */
export function routedPath(request: FastifyRequest): string {
  const route = request.routeOptions?.url;
  if (route) return route;
  const path = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export const isWebRequest = (request: FastifyRequest): boolean => isWebPath(routedPath(request));
