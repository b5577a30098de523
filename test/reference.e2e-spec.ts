import { Body, Controller, Module, Post } from '@nestjs/common';
import { IsOptional } from 'class-validator';
import request from 'supertest';
import { IsCommuneCode, IsDepartementCode, IsNafCode, IsRegionCode, IsUseCase } from '../src/reference/validation/reference.validators.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { Public } from '../src/identity/public.decorator.js';

class ProbeOrganisationDto {
  @IsCommuneCode()
  communeCode!: string;

  @IsOptional()
  @IsNafCode()
  nafCode?: string;

  @IsOptional()
  @IsNafCode({ levels: ['section', 'division'] }, { each: true })
  sectors?: string[];

  @IsOptional()
  @IsDepartementCode({ each: true })
  departements?: string[];

  @IsOptional()
  @IsRegionCode({ each: true })
  regions?: string[];

  @IsOptional()
  @IsUseCase({ each: true })
  useCases?: string[];
}

/** A route that exists only in this test, to drive the decorators through the real ValidationPipe. */
@Public()
@Controller('probe-reference')
class ProbeReferenceController {
  @Post()
  validate(@Body() body: ProbeOrganisationDto): ProbeOrganisationDto {
    return body;
  }
}

@Module({ controllers: [ProbeReferenceController] })
class ProbeReferenceModule {}

const fieldsOf = (body: { details?: { field: string; messages: string[] }[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('Reference data routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeReferenceModule] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the 18 régions, with public cache headers and an ETag', async () => {
    const res = await request(t.server).get('/reference/regions').expect(200);
    expect(res.body).toHaveLength(18);
    expect(res.body).toContainEqual({ regionCode: '93', name: "Provence-Alpes-Côte d'Azur", zone: 'metro', chefLieuCommuneCode: '13055' });
    expect(res.body).toContainEqual(expect.objectContaining({ regionCode: '01', name: 'Guadeloupe', zone: 'drom' }));
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{20}"$/);
  });

  it('answers 304 with no body to a matching If-None-Match, and 200 to a stale one', async () => {
    const first = await request(t.server).get('/reference/use-cases').expect(200);
    const etag = first.headers.etag as string;
    const cached = await request(t.server).get('/reference/use-cases').set('If-None-Match', etag).expect(304);
    expect(cached.text ?? '').toBe('');
    expect(cached.headers.etag).toBe(etag);
    await request(t.server).get('/reference/regions').set('If-None-Match', `"stale", W/${etag}`).expect(304);
    await request(t.server).get('/reference/regions').set('If-None-Match', '"stale"').expect(200);
  });

  it('lists the 101 départements, or those of one région, with codes as strings', async () => {
    const all = await request(t.server).get('/reference/departements').expect(200);
    expect(all.body).toHaveLength(101);
    const codes = all.body.map((d: { departementCode: string }) => d.departementCode);
    expect(codes).toEqual(expect.arrayContaining(['01', '2A', '2B', '971', '976']));
    const corse = await request(t.server).get('/reference/departements?region=94').expect(200);
    expect(corse.body.map((d: { departementCode: string }) => d.departementCode)).toEqual(['2A', '2B']);
    const paca = await request(t.server).get('/reference/departements?region=93').expect(200);
    expect(paca.body.map((d: { departementCode: string }) => d.departementCode)).toEqual(['04', '05', '06', '13', '83', '84']);
  });

  it('refuses an unknown région with 400 naming the field, without caching the error', async () => {
    const res = await request(t.server).get('/reference/departements?region=13').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toEqual(['region']);
    expect(res.headers['cache-control']).not.toBe('public, max-age=86400');
    expect(res.headers.etag).toBeUndefined();
  });

  it('searches communes by name, accents and "st" aside, paginated', async () => {
    const res = await request(t.server).get('/reference/communes?q=st%20etienne&pageSize=3').expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 3 });
    expect(res.body.total).toBeGreaterThan(3);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items[0]).toEqual({
      communeCode: '42218',
      name: 'Saint-Étienne',
      departementCode: '42',
      regionCode: '84',
      postalCodes: ['42000', '42100', '42230'],
      population: 173136,
    });
  });

  it('searches communes by postal code and within a département', async () => {
    const valbonne = await request(t.server).get('/reference/communes?q=06560').expect(200);
    expect(valbonne.body.items.map((c: { name: string }) => c.name)).toEqual(['Valbonne']);
    const inCorse = await request(t.server).get('/reference/communes?q=a&departement=2A&pageSize=100').expect(200);
    expect(inCorse.body.items[0].name).toBe('Ajaccio');
    expect(inCorse.body.items.every((c: { departementCode: string }) => c.departementCode === '2A')).toBe(true);
  });

  it.each([
    ['departement=20', ['departement']],
    ['pageSize=500', ['pageSize']],
    ['page=0&departement=xx', ['departement', 'page']],
  ])('refuses bad commune query %s with 400', async (query, fields) => {
    const res = await request(t.server).get(`/reference/communes?${query}`).expect(400);
    expect(fieldsOf(res.body)).toEqual(fields);
  });

  it('lists NAF sections by default, and the levels under a parent', async () => {
    const sections = await request(t.server).get('/reference/sectors').expect(200);
    expect(sections.body).toHaveLength(21);
    const divisions = await request(t.server).get('/reference/sectors?level=division&parent=J').expect(200);
    expect(divisions.body.map((s: { code: string }) => s.code)).toEqual(['58', '59', '60', '61', '62', '63']);
    const sousClasses = await request(t.server).get('/reference/sectors?level=sous-classe&parent=62').expect(200);
    expect(sousClasses.body[0]).toEqual({
      code: '62.01Z',
      label: 'Programmation informatique',
      level: 'sous-classe',
      parentCode: '62.01',
      sectionCode: 'J',
      nafVersion: 'NAFRev2',
    });
  });

  it.each([
    ['level=subclass', 'level', 'VALIDATION_FAILED'],
    ['level=division&parent=00', 'parent', 'VALIDATION_FAILED'],
    ['level=division&parent=62.01Z', 'parent', 'SECTOR_PARENT_NOT_ABOVE_LEVEL'],
  ])('refuses sectors?%s with 400 on %s', async (query, field, code) => {
    const res = await request(t.server).get(`/reference/sectors?${query}`).expect(400);
    expect(res.body.code).toBe(code);
    expect(fieldsOf(res.body)).toEqual([field]);
  });

  it('lists the 18 use cases and the sovereignty vocabulary', async () => {
    const useCases = await request(t.server).get('/reference/use-cases').expect(200);
    expect(useCases.body).toHaveLength(18);
    const sovereignty = await request(t.server).get('/reference/sovereignty').expect(200);
    expect(sovereignty.body.hardRequirements).toContainEqual({ code: 'HDS_CERTIFIED', label: 'Hébergeur certifié HDS (données de santé)' });
    expect(sovereignty.body.defaultRequirements).toContainEqual({
      dataSensitivity: 'health',
      label: 'Données de santé',
      requirements: ['HDS_CERTIFIED', 'DATA_IN_EU', 'GDPR_DPA'],
    });
    const names = sovereignty.body.vocabularies.map((v: { name: string }) => v.name);
    expect(names).toEqual(expect.arrayContaining(['SecNumCloudStatus', 'DataResidency', 'ModelOrigin', 'TrustLabel']));
    expect(sovereignty.body.grades.map((g: { grade: string }) => g.grade)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('accepts valid codes in a DTO', async () => {
    const body = {
      communeCode: '2A004',
      nafCode: '62.01Z',
      sectors: ['J', '86'],
      departements: ['06', '971'],
      regions: ['93'],
      useCases: ['DOC_PROCESSING'],
    };
    const res = await request(t.server).post('/probe-reference').send(body).expect(201);
    expect(res.body).toEqual(body);
  });

  it('refuses an unknown commune code with 400 naming the field', async () => {
    const res = await request(t.server).post('/probe-reference').send({ communeCode: '99999' }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.details).toEqual([
      { field: 'communeCode', messages: ['communeCode must be the INSEE code of a current commune, such as 06088 (Nice)'] },
    ]);
  });

  it('refuses every bad reference code, each under its own field', async () => {
    const res = await request(t.server)
      .post('/probe-reference')
      .send({ communeCode: 6088, nafCode: '62', sectors: ['62.01Z'], departements: ['20'], regions: ['13'], useCases: ['CHATBOT'] })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['communeCode', 'departements', 'nafCode', 'regions', 'sectors', 'useCases']);
    const nafMessage = res.body.details.find((d: { field: string }) => d.field === 'nafCode').messages[0];
    expect(nafMessage).toBe('nafCode must be a NAF rév. 2 code such as 62.01Z (sous-classe)');
  });

  it('documents every reference route with its response schema', async () => {
    const res = await request(t.server).get('/docs/openapi.json').expect(200);
    for (const path of ['regions', 'departements', 'communes', 'sectors', 'use-cases', 'sovereignty']) {
      const get = res.body.paths[`/reference/${path}`]?.get;
      expect(get?.responses['200']?.content?.['application/json']?.schema).toBeDefined();
    }
    for (const schema of ['RegionDto', 'DepartementDto', 'CommuneDto', 'SectorDto', 'UseCaseDto', 'SovereigntyVocabularyDto']) {
      expect(res.body.components.schemas[schema]).toBeDefined();
    }
  });
});
