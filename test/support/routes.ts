import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { TestApp } from './test-app.js';

export interface Route {
  method: string;
  path: string;
}

/** Every route the app serves, read from Nest's own controller metadata. */
export function discoverRoutes(t: TestApp): Route[] {
  const routes: Route[] = [];
  const join = (...parts: string[]) =>
    `/${parts
      .map((p) => p.replace(/^\/|\/$/g, ''))
      .filter(Boolean)
      .join('/')}`;
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!controller) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const paths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        for (const b of base) for (const p of paths) routes.push({ method: RequestMethod[method], path: join(b, p) });
      }
    }
  }
  return routes;
}

/**
 * Pages rather than API routes: the console under /app, the one-click unsubscribe page, outside
 * /app so mail clients can POST to it without a console session (decision 027), and partners'
 * embedded need form (decision 029). They answer HTML.
 */
export const isConsolePath = (path: string): boolean =>
  path === '/app' || path.startsWith('/app/') || path.startsWith('/desabonnement/') || path.startsWith('/embed/');
