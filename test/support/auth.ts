/**
 * Accounts for e2e tests: register vendors and buyers through the real API, create curators and
 * admins through the real repositories, log in. Every call makes fresh e-mails and SIRENs, so tests
 * never collide.
 *
 *   const vendor = await registerVendor(t);                    // active member of a new organisation
 *   await request(t.server).get('/me').set(bearer(vendor));
 *   const curator = await createCurator(t);
 *   const colleague = await registerVendor(t, { organisation: { siren: vendor.organisation.siren } }); // pending
 *   const newcomer = await registerBuyer(t, { verify: false });  // address not confirmed: cannot submit
 *
 * Registered accounts confirm their address through the real route, with the link the sign-up
 * queued for its e-mail, so they may publish and submit like a person who clicked it.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { outboxVerificationTokens } from '../../bench/support/relevance-api.js';
import { DataSource } from 'typeorm';
import { PasswordService } from '../../src/credentials/password.service.js';
import { UsersRepository } from '../../src/users/users.repository.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestSession {
  userId: string;
  email: string;
  password: string;
  role: 'vendor' | 'buyer' | 'curator' | 'admin' | 'partner';
  accessToken: string;
  refreshToken: string;
  organisationId: string | null;
  membershipStatus: string | null;
}

export interface RegisteredSession extends TestSession {
  organisation: { id: string; siren: string };
}

/** A random SIREN that passes the Luhn check. */
export function randomSiren(): string {
  const body = Array.from(randomBytes(8), (b) => String(b % 10)).join('');
  for (let check = 0; check <= 9; check++) {
    const candidate = `${body}${check}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let n = Number(candidate[8 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0 && candidate !== '000000000') return candidate;
  }
  throw new Error('unreachable');
}

export const uniqueEmail = (prefix = 'user'): string => `${prefix}.${randomBytes(5).toString('hex')}@example.fr`;

/** `Authorization` header for a session or a raw access token. */
export const bearer = (who: { accessToken: string } | string): { Authorization: string } => ({
  Authorization: `Bearer ${typeof who === 'string' ? who : who.accessToken}`,
});

export interface RegisterOverrides {
  email?: string;
  password?: string;
  displayName?: string;
  phone?: string;
  organisation?: Record<string, unknown>;
  /** Follow the confirmation link (the default); false leaves the address unconfirmed. */
  verify?: boolean;
}

/** The body POST /auth/register expects, for a vendor or a buyer, with overrides merged in. */
export function registrationBody(role: 'vendor' | 'buyer', overrides: RegisterOverrides = {}): Record<string, unknown> {
  return {
    email: overrides.email ?? uniqueEmail(role),
    password: overrides.password ?? TEST_PASSWORD,
    displayName: overrides.displayName ?? `Test ${role}`,
    ...(overrides.phone ? { phone: overrides.phone } : {}),
    role,
    acceptTerms: true,
    organisation: {
      name: `${role === 'vendor' ? 'Azur IA' : 'Boulangerie Niçoise'} ${randomBytes(3).toString('hex')}`,
      siren: randomSiren(),
      nafCode: role === 'vendor' ? '62.01Z' : '10.71C',
      communeCode: '06088',
      ...(role === 'buyer' ? { buyerType: 'tpe' } : {}),
      ...overrides.organisation,
    },
  };
}

async function register(t: TestApp, role: 'vendor' | 'buyer', overrides: RegisterOverrides): Promise<RegisteredSession> {
  const body = registrationBody(role, overrides);
  const res = await request(t.server).post('/auth/register').send(body);
  if (res.status !== 201) throw new Error(`register ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const organisation = body.organisation as { siren: string };
  if (overrides.verify !== false) await confirmEmail(t, res.body.user.id);
  return {
    userId: res.body.user.id,
    email: res.body.user.email,
    password: body.password as string,
    role,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    organisationId: res.body.user.organisationId,
    membershipStatus: res.body.user.membershipStatus,
    organisation: { id: res.body.user.organisationId, siren: organisation.siren },
  };
}

/** The token of the newest confirmation link queued for this user's e-mail (what the e-mail's link carries). */
export const verificationToken = (t: TestApp, userId: string): Promise<string> => outboxVerificationTokens(t.dataSource)(userId);

/** Confirms the address the way the e-mail's link does (POST /auth/email/verify). */
export async function confirmEmail(t: TestApp, userId: string): Promise<void> {
  const res = await request(t.server)
    .post('/auth/email/verify')
    .send({ token: await verificationToken(t, userId) });
  if (res.status !== 204) throw new Error(`e-mail confirmation failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Registers a vendor; with `organisation.siren` of an existing vendor, a pending member. */
export const registerVendor = (t: TestApp, overrides: RegisterOverrides = {}): Promise<RegisteredSession> =>
  register(t, 'vendor', overrides);

/** Registers a buyer (a TPE unless `organisation.buyerType` says otherwise). */
export const registerBuyer = (t: TestApp, overrides: RegisterOverrides = {}): Promise<RegisteredSession> => register(t, 'buyer', overrides);

/** Logs in through POST /auth/login. */
export async function loginAs(t: TestApp, email: string, password = TEST_PASSWORD): Promise<TestSession> {
  const res = await request(t.server).post('/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    userId: res.body.user.id,
    email: res.body.user.email,
    password,
    role: res.body.user.role,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    organisationId: res.body.user.organisationId,
    membershipStatus: res.body.user.membershipStatus,
  };
}

/** A curator or admin inserted through the real repository (no admin needed), then logged in. */
export async function createStaffUser(t: TestApp, role: 'curator' | 'admin', email = uniqueEmail(role)): Promise<TestSession> {
  const passwordHash = await t.app.get(PasswordService).hash(TEST_PASSWORD);
  await t.app
    .get(DataSource)
    .transaction((manager) => t.app.get(UsersRepository).create(manager, { email, passwordHash, role, displayName: `Test ${role}` }));
  return loginAs(t, email);
}

export const createCurator = (t: TestApp): Promise<TestSession> => createStaffUser(t, 'curator');
export const createAdmin = (t: TestApp): Promise<TestSession> => createStaffUser(t, 'admin');
