import request from 'supertest';
import { bearer, type TestSession } from './auth.js';
import type { TestApp } from './test-app.js';

/** The actions the audit log holds for one entity, oldest first, as a curator or admin reads them. */
export async function auditActions(t: TestApp, reader: TestSession, entityType: string, entityId: string): Promise<string[]> {
  const audit = await request(t.server).get('/audit').query({ entityType, entityId }).set(bearer(reader)).expect(200);
  return audit.body.items.map((e: { action: string }) => e.action);
}
