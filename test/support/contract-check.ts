import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { OpenApiContract } from './openapi-contract.js';

/**
 * Every test app checks the JSON its API answers against the OpenAPI document (decision 025). A
 * mismatch fails the test that made the request: the hook records it, afterEach throws it.
 */
let contract: OpenApiContract | undefined;
const violations: string[] = [];

function documentDir(): string {
  const dir = process.env.CIRCUIT_TEST_OPENAPI_DIR;
  if (!dir)
    throw new Error('CIRCUIT_TEST_OPENAPI_DIR is unset: run the e2e tests through jest.config.mjs (its global setup builds the document).');
  return dir;
}

function theContract(): OpenApiContract {
  contract ??= OpenApiContract.fromFile(path.join(documentDir(), 'openapi.json'));
  return contract;
}

/**
 * Registered before configureApp, so this onSend hook runs ahead of compression and sees the JSON
 * text; it never changes the answer, so the test still sees exactly what a client would.
 */
export function checkResponsesAgainstOpenApi(fastify: FastifyInstance): void {
  const checker = theContract();
  fastify.addHook('onSend', async (request, reply, payload) => {
    const contentType = reply.getHeader('content-type');
    const problem = checker.check({
      method: request.method,
      route: request.routeOptions.url,
      status: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      body: typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined,
    });
    if (problem) violations.push(problem);
    return payload;
  });
}

/** The mismatches seen since the last call, forgotten: for a test that provokes one on purpose. */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

function failOnViolations(): void {
  const found = takeContractViolations();
  if (found.length === 0) return;
  // A load test can repeat one mismatch hundreds of times: each distinct one once, with its count.
  const counts = new Map<string, number>();
  for (const problem of found) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  const listed = [...counts].map(([problem, n]) => (n > 1 ? `(${n} times) ${problem}` : problem));
  throw new Error(`The API answered outside its OpenAPI document (${found.length}):\n\n${listed.join('\n\n')}`);
}

afterEach(failOnViolations);

afterAll(() => {
  if (!contract) return;
  const counts = { validated: contract.validated, outside: contract.outside, operations: [...contract.operations] };
  writeFileSync(path.join(documentDir(), `counts-${randomUUID()}.json`), JSON.stringify(counts));
  // Requests made in beforeAll/afterAll, after the last afterEach, are judged here.
  failOnViolations();
});
