import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../identity/public.decorator.js';
import { WebExceptionFilter } from './web-exception.filter.js';

/**
 * A controller of console pages: out of the OpenAPI document, past the API's bearer guard (the web
 * session authenticates; @Roles still applies), and failing as French pages.
 */
export const ConsoleController = (path: string): ClassDecorator =>
  applyDecorators(ApiExcludeController(), Public(), UseFilters(WebExceptionFilter), Controller(path)) as ClassDecorator;
