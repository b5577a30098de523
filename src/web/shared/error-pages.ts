import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WebViews } from './views.js';

/** The console's error page, in French, with the status code of the failure. */
@Injectable()
export class WebErrorPages {
  constructor(private readonly views: WebViews) {}

  send(request: FastifyRequest, reply: FastifyReply, status: number, title: string, message: string): void {
    this.views.send(reply, request, 'error', title, { status, message, requestId: String(request.id) }, status);
  }
}
