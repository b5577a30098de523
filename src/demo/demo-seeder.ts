import type { INestApplicationContext } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import type { Caller } from '../auth/caller.js';
import { RegisterDto } from '../auth/dto/auth.dto.js';
import { PasswordService } from '../auth/password.service.js';
import { flattenValidationErrors } from '../common/errors/validation.js';
import { CreateNeedDto } from '../needs/dto/need-input.dto.js';
import { NeedTransitionsService } from '../needs/need-transitions.service.js';
import { NeedsService } from '../needs/needs.service.js';
import { CreateOfferingDto } from '../offerings/dto/offering-input.dto.js';
import { OfferingsService } from '../offerings/offerings.service.js';
import { OFFERING_DOCUMENT_SOURCE, type OfferingDocumentSource } from '../search/offering-document.source.js';
import { SEARCH_INDEX, type SearchIndex } from '../search/search-index.port.js';
import { UsersRepository } from '../users/users.repository.js';
import { VendorsService } from '../vendors/vendors.service.js';
import { DEMO_ADMIN_EMAIL, DEMO_CURATOR_EMAIL, DEMO_PASSWORD, demoBuyers, demoVendors } from './demo-data.js';

export interface DemoSeedResult {
  loaded: boolean;
  vendors: number;
  offerings: number;
  needs: number;
  credentials: { role: string; email: string; password: string }[];
}

/** Validates a body against its DTO exactly as the HTTP pipe would, so the demo never holds what the API refuses. */
async function valid<T extends object>(type: ClassConstructor<T>, body: unknown, what: string): Promise<T> {
  const dto = plainToInstance(type, body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new Error(`Demo ${what} is invalid: ${JSON.stringify(flattenValidationErrors(errors))}`);
  return dto;
}

/** True when the database holds no organisation yet: the demo loads on an empty database only. */
export async function databaseIsEmpty(app: INestApplicationContext): Promise<boolean> {
  const [row] = (await app.get(DataSource).query('SELECT NOT EXISTS (SELECT 1 FROM organisation) AS empty')) as { empty: boolean }[];
  return row.empty;
}

/**
 * Loads the demo data set through the real services (registration, verification, offerings with
 * their scored sovereignty profile, needs through their lifecycle), then indexes the offerings.
 * Idempotent: when the demo curator exists, nothing is written.
 */
export async function seedDemo(app: INestApplicationContext, say: (line: string) => void): Promise<DemoSeedResult> {
  const dataSource = app.get(DataSource);
  const credentials = [
    { role: 'curator', email: DEMO_CURATOR_EMAIL, password: DEMO_PASSWORD },
    { role: 'admin', email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD },
  ];
  const [marker] = (await dataSource.query('SELECT id FROM app_user WHERE lower(email) = $1', [DEMO_CURATOR_EMAIL])) as { id: string }[];
  if (marker) {
    say('Demo data already loaded (demo curator found): nothing to do.');
    return { loaded: false, vendors: 0, offerings: 0, needs: 0, credentials };
  }
  const passwords = app.get(PasswordService);
  const users = app.get(UsersRepository);
  const auth = app.get(AuthService);
  const vendorsService = app.get(VendorsService);
  const offerings = app.get(OfferingsService);
  const needs = app.get(NeedsService);
  const transitions = app.get(NeedTransitionsService);

  const hash = await passwords.hash(DEMO_PASSWORD);
  const staff: Record<'curator' | 'admin', Caller> = {} as Record<'curator' | 'admin', Caller>;
  for (const { role, email } of credentials as { role: 'curator' | 'admin'; email: string }[]) {
    const user = await dataSource.transaction((manager) =>
      users.create(manager, { email, passwordHash: hash, role, displayName: role === 'curator' ? 'Claire Curatrice (démo)' : 'Alex Admin (démo)' }),
    );
    staff[role] = { userId: user.id, role, organisationId: null, membershipStatus: null, requestId: 'demo-seed' };
  }
  say('Demo: curator and admin created.');

  const register = async (role: 'vendor' | 'buyer', email: string, displayName: string, organisation: object): Promise<Caller> => {
    const body = await valid(RegisterDto, { email, password: DEMO_PASSWORD, displayName, role, organisation }, `${role} ${email}`);
    const res = await auth.register(body);
    return { userId: res.user.id, role, organisationId: res.user.organisationId, membershipStatus: 'active', requestId: 'demo-seed' };
  };

  const vendors = demoVendors();
  const offeringIds: string[] = [];
  for (const [i, v] of vendors.entries()) {
    const caller = await register('vendor', v.email, v.displayName, v.organisation);
    await vendorsService.verify(staff.curator, caller.organisationId as string);
    for (const body of v.offerings) {
      const created = await offerings.create(caller, await valid(CreateOfferingDto, body, `offering of ${v.organisation.name}`));
      await offerings.publish(caller, created.id);
      offeringIds.push(created.id);
    }
    if ((i + 1) % 10 === 0 || i === vendors.length - 1) say(`Demo: vendors ${i + 1}/${vendors.length}, offerings ${offeringIds.length}`);
  }
  if (vendors[0]) credentials.push({ role: 'vendor', email: vendors[0].email, password: DEMO_PASSWORD });

  const buyers = demoBuyers();
  let needCount = 0;
  for (const [i, b] of buyers.entries()) {
    const caller = await register('buyer', b.email, b.displayName, b.organisation);
    for (const n of b.needs) {
      const need = await needs.create(caller, await valid(CreateNeedDto, n.body, `need of ${b.organisation.name}`));
      if (n.status !== 'draft') await transitions.submit(caller, need.id, {});
      if (n.status === 'published') await transitions.publish(staff.curator, need.id, {});
      needCount++;
    }
    if ((i + 1) % 5 === 0 || i === buyers.length - 1) say(`Demo: buyers ${i + 1}/${buyers.length}, needs ${needCount}`);
  }
  if (buyers[2]) credentials.push({ role: 'buyer', email: buyers[2].email, password: DEMO_PASSWORD });

  // The outbox indexes them too; indexing here makes search and matching ready at once.
  const documents = await app.get<OfferingDocumentSource>(OFFERING_DOCUMENT_SOURCE).documentsFor(offeringIds);
  await app
    .get<SearchIndex>(SEARCH_INDEX)
    .upsert(documents)
    .then(() => say(`Demo: ${documents.length} offerings indexed for search.`))
    .catch((error: unknown) => say(`Demo: search index not reachable now (${String(error)}); the outbox will index the offerings.`));
  return { loaded: true, vendors: vendors.length, offerings: offeringIds.length, needs: needCount, credentials };
}

export function credentialLines(result: DemoSeedResult): string[] {
  return ['Demo accounts (demo only, change or delete them on a real deployment):', ...result.credentials.map((c) => `  ${c.role.padEnd(8)} ${c.email}  /  ${c.password}`)];
}
