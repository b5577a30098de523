import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HttpException } from '@nestjs/common';
import { describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { ReferenceService } from '../src/reference/reference.service.js';
import { takeContractViolations } from './support/contract-check.js';
import { OpenApiContract, type OpenApiDocument } from './support/openapi-contract.js';
import { createTestApp } from './support/test-app.js';

/** A document of one route, to show the checker's verdicts without the app. */
const document: OpenApiDocument = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingDto' } } } },
          '404': { content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      PlaceDto: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
      ThingDto: {
        type: 'object',
        required: ['phone', 'place', 'grade', 'seenAt'],
        properties: {
          phone: { type: 'string', nullable: true },
          place: { nullable: true, allOf: [{ $ref: '#/components/schemas/PlaceDto' }] },
          grade: { type: 'string', enum: ['A', 'B'], nullable: true },
          seenAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
};

const answer = (status: number, body: unknown) => ({
  method: 'GET',
  route: '/things/:id',
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});

describe('OpenAPI contract checker', () => {
  it.each([
    ['every field set', { phone: '+33 4 93 00 00 00', place: { code: '06088' }, grade: 'A', seenAt: '2026-12-06T01:00:00.000Z' }],
    ['every nullable field null (typed, enum and $ref alike)', { phone: null, place: null, grade: null, seenAt: '2026-12-06T01:00:00Z' }],
  ])('accepts a body that honours its schema: %s', (_case, body) => {
    const contract = new OpenApiContract(document);
    expect(contract.check(answer(200, body))).toBeNull();
    expect(contract.validated).toBe(1);
  });

  it('names the route, the status, the schema and the field of a mismatch', () => {
    const problem = new OpenApiContract(document).check(answer(200, { phone: 33493, place: { code: 6088 }, grade: 'Z', seenAt: 'hier' }));
    expect(problem).toContain('GET /things/{id} answered 200');
    expect(problem).toContain('paths["/things/{id}"].get.responses["200"]');
    for (const field of [
      'body/phone: must be string',
      'body/place/code: must be string',
      'body/grade',
      'body/seenAt: must match format "date-time"',
    ]) {
      expect(problem).toContain(field);
    }
  });

  it('refuses a status the operation does not list, and says which it lists', () => {
    const problem = new OpenApiContract(document).check(answer(409, { code: 'CONFLICT' }));
    expect(problem).toContain('GET /things/{id} answered 409, a status its OpenAPI operation does not list (it lists 200, 404)');
  });

  it('leaves routes outside the document unchecked (console pages, assets)', () => {
    const contract = new OpenApiContract(document);
    expect(contract.check({ ...answer(200, 'x'), route: '/app/needs/:id', contentType: 'text/html' })).toBeNull();
    expect(contract.check({ ...answer(404, {}), route: undefined })).toBeNull();
    expect([contract.validated, contract.outside]).toEqual([0, 2]);
  });
});

const REGION_WITH_A_NUMBER = { regionCode: 93, name: "Provence-Alpes-Côte d'Azur", zone: 'metro', chefLieuCommuneCode: '13055' };

describe('OpenAPI contract on the test app', () => {
  it('catches a real route answering a field of the wrong type, without changing the answer', async () => {
    const t = await createTestApp();
    try {
      jest.spyOn(t.app.get(ReferenceService), 'regions').mockReturnValue([REGION_WITH_A_NUMBER] as never);
      const res = await request(t.server).get('/reference/regions').expect(200);
      expect(res.body).toEqual([REGION_WITH_A_NUMBER]);
      const [problem, ...others] = takeContractViolations();
      expect(others).toEqual([]);
      expect(problem).toContain('GET /reference/regions answered 200 with a body that does not match its OpenAPI schema');
      expect(problem).toContain('- body/0/regionCode: must be string (schema #/components/schemas/RegionDto/properties/regionCode/type)');
    } finally {
      await t.close();
    }
  });

  it('catches a status the route does not document', async () => {
    const t = await createTestApp();
    try {
      jest.spyOn(t.app.get(ReferenceService), 'useCases').mockImplementation(() => {
        throw new HttpException('teapot', 418);
      });
      await request(t.server).get('/reference/use-cases').expect(418);
      expect(takeContractViolations()).toEqual([
        expect.stringContaining(
          'GET /reference/use-cases answered 418, a status its OpenAPI operation does not list (it lists 200, 304, 400)',
        ),
      ]);
    } finally {
      await t.close();
    }
  });

  it('documents every property with a type: no nullable field left as a bare object', () => {
    const doc = JSON.parse(readFileSync(path.join(process.env.CIRCUIT_TEST_OPENAPI_DIR ?? '', 'openapi.json'), 'utf8')) as {
      components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
    };
    const bare = (s: Record<string, unknown> | undefined) =>
      s?.type === 'object' && !['properties', 'additionalProperties', 'allOf', '$ref', 'oneOf', 'anyOf'].some((k) => k in s);
    const untyped = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, p]) => bare(p) || (p.type === 'array' && bare(p.items as Record<string, unknown>)))
        .map(([property]) => `${name}.${property}`),
    );
    expect(untyped).toEqual([]);
  });
});
