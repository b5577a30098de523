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
  'app.css': { path: () => fileURLToPath(new URL('../assets/app.css', import.meta.url)), type: 'text/css; charset=utf-8' },
};

@ApiExcludeController()
@Public()
@Controller('app/assets')
export class WebAssetsController {
  private readonly loaded = new Map<string, Asset>();

  @Get(':name')
  serve(@Param('name') name: string, @Res() reply: FastifyReply): void {
    const spec = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!spec) throw CommonErrors.NOT_FOUND();
    let asset = this.loaded.get(name);
    if (!asset) {
      asset = { body: readFileSync(spec.path()), type: spec.type };
      this.loaded.set(name, asset);
    }
    void reply.header('content-type', asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  }
}
