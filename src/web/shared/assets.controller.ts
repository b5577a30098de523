import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../identity/public.decorator.js';
import { CommonErrors } from '../../common/errors/common.errors.js';

const require = createRequire(import.meta.url);

interface Asset {
  body: Buffer;
  type: string;
}

/** The console's few static files, from their npm packages (no CDN: the CSP allows 'self' only). */
const ASSETS: Record<string, { path: () => string; type: string }> = {
  'pico.min.css': { path: () => require.resolve('@picocss/pico/css/pico.min.css'), type: 'text/css; charset=utf-8' },
  'htmx.min.js': { path: () => require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript; charset=utf-8' },
  'app.js': { path: () => fileURLToPath(new URL('../assets/app.js', import.meta.url)), type: 'text/javascript; charset=utf-8' },
  'app.css': { path: () => fileURLToPath(new URL('../assets/app.css', import.meta.url)), type: 'text/css; charset=utf-8' },
  // Made by scripts/make-favicon.mjs.
  'favicon.ico': { path: () => fileURLToPath(new URL('../assets/favicon.ico', import.meta.url)), type: 'image/x-icon' },
};

const loaded = new Map<string, Asset>();

/** An asset's bytes, read once. */
function asset(name: string): Asset | undefined {
  const spec = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!spec) return undefined;
  let found = loaded.get(name);
  if (!found) {
    found = { body: readFileSync(spec.path()), type: spec.type };
    loaded.set(name, found);
  }
  return found;
}

function send(reply: FastifyReply, name: string, maxAge: number): void {
  const found = asset(name);
  if (!found) throw CommonErrors.NOT_FOUND();
  void reply.header('content-type', found.type).header('cache-control', `public, max-age=${maxAge}`).send(found.body);
}

@ApiExcludeController()
@Public()
@Controller('app/assets')
export class WebAssetsController {
  @Get(':name')
  serve(@Param('name') name: string, @Res() reply: FastifyReply): void {
    send(reply, name, 3600);
  }
}

/** Where browsers look for a site's icon unasked (issue 22): the console's icon, cached a day. */
@ApiExcludeController()
@Public()
@Controller()
export class FaviconController {
  @Get('favicon.ico')
  favicon(@Res() reply: FastifyReply): void {
    send(reply, 'favicon.ico', 86400);
  }
}
