import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createStaffUser, registerBuyer, registerVendor, bearer, type TestSession } from './support/auth.js';
import { apiKey, createPartner, createPartnerAdmin, createPartnerKey } from './support/partners.js';
import { discoverRoutes, type Route } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * `partner` is a partner API key (X-Api-Key, both scopes), not a user; `partnerAdmin` is a user of
 * role `partner` acting for the same partner as the key (decision 029).
 */
type Role = 'anonymous' | 'vendor' | 'buyer' | 'curator' | 'admin' | 'partnerAdmin' | 'partner';
type UserRole = Exclude<Role, 'anonymous' | 'partner'>;
/** What a role gets on a route called with unknown ids and an empty body. */
type Outcome = 'pass' | 401 | 403;
const ROLES: Role[] = ['anonymous', 'vendor', 'buyer', 'curator', 'admin', 'partnerAdmin', 'partner'];

/** Everyone gets through authentication and role checks (validation or 404 may still answer). */
const PUBLIC: Record<Role, Outcome> = {
  anonymous: 'pass',
  vendor: 'pass',
  buyer: 'pass',
  curator: 'pass',
  admin: 'pass',
  partnerAdmin: 'pass',
  partner: 'pass',
};
/** Any signed-in user; ownership is checked further in (404/403 on other people's things). A key is nobody's session. */
const SIGNED_IN: Record<Role, Outcome> = {
  anonymous: 401,
  vendor: 'pass',
  buyer: 'pass',
  curator: 'pass',
  admin: 'pass',
  partnerAdmin: 'pass',
  partner: 401,
};
/** Signed-in vendors, buyers and staff; a partner-admin belongs to no organisation and has no introduction (403). */
const MEMBER_OR_STAFF: Record<Role, Outcome> = { ...SIGNED_IN, partnerAdmin: 403 };
const only = (...roles: UserRole[]): Record<Role, Outcome> =>
  Object.fromEntries(
    ROLES.map((r) => [r, r === 'anonymous' || r === 'partner' ? 401 : (roles as Role[]).includes(r) ? 'pass' : 403]),
  ) as Record<Role, Outcome>;
/** Partner API key routes: no JWT opens them, whatever its role. */
const PARTNER_KEY: Record<Role, Outcome> = {
  anonymous: 401,
  vendor: 401,
  buyer: 401,
  curator: 401,
  admin: 401,
  partnerAdmin: 401,
  partner: 'pass',
};

/**
 * The declared expectation for every route. A route missing here fails the test, so a new route
 * cannot ship without its permissions being stated and checked.
 */
const EXPECTED: Record<string, Record<Role, Outcome>> = {
  'GET /health': PUBLIC,
  'GET /desabonnement/:token': PUBLIC,
  'POST /desabonnement/:token': PUBLIC,
  'GET /embed/besoin/:partnerId': PUBLIC,
  'POST /embed/besoin/:partnerId': PUBLIC,
  'GET /favicon.ico': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /reference/regions': PUBLIC,
  'GET /reference/departements': PUBLIC,
  'GET /reference/communes': PUBLIC,
  'GET /reference/sectors': PUBLIC,
  'GET /reference/use-cases': PUBLIC,
  'GET /reference/sovereignty': PUBLIC,
  'POST /auth/register': PUBLIC,
  'POST /auth/login': PUBLIC,
  'POST /auth/refresh': PUBLIC,
  'POST /auth/logout': PUBLIC,
  'POST /auth/password/forgot': PUBLIC,
  'POST /auth/password/reset': PUBLIC,
  'POST /auth/email/verify': PUBLIC,
  'POST /auth/email/resend': SIGNED_IN,
  'GET /me': SIGNED_IN,
  'PATCH /me': SIGNED_IN,
  'GET /me/export': SIGNED_IN,
  'DELETE /me': SIGNED_IN,
  'GET /me/notifications': SIGNED_IN,
  'PATCH /me/notifications': SIGNED_IN,
  'POST /admin/users': only('admin'),
  'GET /audit': only('curator', 'admin'),
  'POST /needs': only('buyer'),
  'GET /needs': only('buyer', 'curator', 'admin'),
  'GET /needs/:id': only('buyer', 'curator', 'admin'),
  'PATCH /needs/:id': only('buyer'),
  'POST /needs/:id/submit': only('buyer'),
  'POST /needs/:id/publish': only('curator', 'admin'),
  'POST /needs/:id/request-changes': only('curator', 'admin'),
  'POST /needs/:id/reject': only('curator', 'admin'),
  'POST /needs/:id/close': only('buyer', 'curator', 'admin'),
  'GET /needs/:id/matches': only('buyer', 'curator', 'admin'),
  'GET /needs/:id/market-depth': only('buyer', 'curator', 'admin'),
  'PUT /needs/:needId/matches/:offeringId/judgment': only('curator', 'admin'),
  'DELETE /needs/:needId/matches/:offeringId/judgment': only('curator', 'admin'),
  'GET /relevance-judgments': only('curator', 'admin'),
  'GET /relevance-judgments/export': only('curator', 'admin'),
  'GET /matching/weights': only('curator', 'admin'),
  'PUT /matching/weights': only('admin'),
  'GET /offerings/:id/leads': only('vendor'),
  'GET /leads': only('vendor'),
  'GET /leads/:id': only('vendor', 'curator', 'admin'),
  'POST /leads/:id/answer': only('vendor'),
  'GET /needs/:id/leads': only('curator', 'admin'),
  'POST /introductions': only('curator', 'admin'),
  'GET /introductions': MEMBER_OR_STAFF,
  'GET /introductions/:id': MEMBER_OR_STAFF,
  'POST /introductions/:id/accept': only('vendor', 'buyer'),
  'POST /introductions/:id/decline': only('vendor', 'buyer'),
  'POST /introductions/:id/meeting-held': MEMBER_OR_STAFF,
  'POST /introductions/:id/outcome': MEMBER_OR_STAFF,
  'POST /introductions/:id/cancel': only('curator', 'admin'),
  'GET /stats/overview': only('curator', 'admin'),
  'GET /stats/funnel': only('curator', 'admin'),
  'GET /stats/export.csv': only('curator', 'admin'),
  'GET /stats/leads': only('curator', 'admin'),
  'GET /stats/leads/export.csv': only('curator', 'admin'),
  'GET /stats/values': only('curator', 'admin'),
  'GET /stats/report': only('curator', 'admin'),
  'GET /stats/report.csv': only('curator', 'admin'),
  'POST /events': only('curator', 'admin'),
  'GET /events': only('curator', 'admin'),
  'GET /events/:id': only('curator', 'admin'),
  'POST /events/:id/publish': only('curator', 'admin'),
  'POST /events/:id/close': only('curator', 'admin'),
  'POST /events/:id/hold': only('curator', 'admin'),
  'POST /events/:id/archive': only('curator', 'admin'),
  'POST /events/:id/registrations': only('buyer', 'vendor'),
  'GET /events/:id/proposals': only('buyer', 'vendor'),
  'PUT /events/:id/wishes': only('buyer', 'vendor'),
  'GET /events/:id/agenda': only('buyer', 'vendor'),
  'GET /events/:id/agenda.ics': only('buyer', 'vendor'),
  'POST /events/:id/schedule': only('curator', 'admin'),
  'GET /events/:id/meetings': only('curator', 'admin'),
  'PUT /events/:id/pairs': only('curator', 'admin'),
  'POST /events/:id/meetings/:meetingId/cancel': only('curator', 'admin'),
  'POST /events/:id/meetings/:meetingId/check-in': only('curator', 'admin'),
  'POST /events/:id/meetings/:meetingId/move': only('curator', 'admin'),
  'POST /events/:id/meetings/:meetingId/swap': only('curator', 'admin'),
  'GET /events/:id/figures': only('curator', 'admin'),
  'GET /public/events': PUBLIC,
  'GET /public/events/:id': PUBLIC,
  'GET /stats/sources': only('curator', 'admin'),
  'GET /vendors': PUBLIC,
  'GET /vendors/:id': PUBLIC,
  'GET /vendors/:id/offerings': PUBLIC,
  'PATCH /vendors/:id': only('vendor'),
  'POST /vendors/:id/verify': only('curator', 'admin'),
  'GET /vendors/:id/verification': only('vendor', 'curator', 'admin'),
  'POST /vendors/:id/refuse': only('curator', 'admin'),
  'POST /vendors/:id/request-information': only('curator', 'admin'),
  'POST /vendors/:id/verification-answer': only('vendor'),
  'POST /vendors/:id/establishments/:siret/confirmation': only('curator', 'admin'),
  'DELETE /vendors/:id/establishments/:siret/confirmation': only('curator', 'admin'),
  'POST /offerings': only('vendor'),
  'GET /offerings': PUBLIC,
  'GET /offerings/:id': PUBLIC,
  'GET /offerings/claims-to-review': only('curator', 'admin'),
  'GET /offerings/claims-expiring': only('curator', 'admin'),
  'PATCH /offerings/:id': only('vendor'),
  'POST /offerings/:id/publish': only('vendor'),
  'POST /offerings/:id/archive': only('vendor'),
  'POST /offerings/:id/claims/:claim/verify': only('curator', 'admin'),
  'POST /offerings/:id/claims/:claim/reject': only('curator', 'admin'),
  'GET /organisations/:id': MEMBER_OR_STAFF,
  'PATCH /organisations/:id': MEMBER_OR_STAFF,
  'GET /organisations/:id/members': MEMBER_OR_STAFF,
  'POST /admin/partners': only('admin'),
  'GET /admin/partners': only('admin'),
  'POST /admin/partners/:id/members': only('admin'),
  'GET /admin/partners/:id/members': only('admin'),
  'DELETE /admin/partners/:id/members/:userId': only('admin'),
  'GET /partners/mine': only('partnerAdmin'),
  'POST /partners/:partnerId/api-keys': only('admin', 'partnerAdmin'),
  'GET /partners/:partnerId/api-keys': only('admin', 'partnerAdmin'),
  'POST /partners/:partnerId/members': only('admin', 'partnerAdmin'),
  'GET /partners/:partnerId/members': only('admin', 'partnerAdmin'),
  'DELETE /partners/:partnerId/members/:userId': only('admin', 'partnerAdmin'),
  'POST /partners/:partnerId/api-keys/:keyId/revoke': only('admin', 'partnerAdmin'),
  'PUT /partners/:partnerId/webhook': only('admin', 'partnerAdmin'),
  'GET /partners/:partnerId/webhook': only('admin', 'partnerAdmin'),
  'GET /partners/:partnerId/webhook/deliveries': only('admin', 'partnerAdmin'),
  'POST /partners/:partnerId/diagnostics': only('admin', 'partnerAdmin'),
  'POST /partners/:partnerId/diagnostics/csv': only('admin', 'partnerAdmin'),
  'GET /partners/:partnerId/needs': only('admin', 'partnerAdmin'),
  'POST /partners/:partnerId/needs/:needId/invitation': only('admin', 'partnerAdmin'),
  'GET /partners/:partnerId/stats': only('admin', 'partnerAdmin'),
  'POST /partner/needs/:needId/invitation': PARTNER_KEY,
  'POST /partner/needs': PARTNER_KEY,
  'GET /partner/needs': PARTNER_KEY,
  'POST /partner/diagnostics': PARTNER_KEY,
  'POST /partner/diagnostics/csv': PARTNER_KEY,
  'PUT /partner/webhook': PARTNER_KEY,
  'GET /partner/webhook': PARTNER_KEY,
  'GET /partner/webhook/deliveries': PARTNER_KEY,
  'POST /partner/webhook/secret': PARTNER_KEY,
  'DELETE /partner/webhook': PARTNER_KEY,
  'GET /need-invitations/:token': PUBLIC,
  'POST /need-invitations/:token/claim': only('buyer'),
  'POST /organisations/:id/members/:userId/approve': MEMBER_OR_STAFF,
  'POST /organisations/:id/members/:userId/reject': MEMBER_OR_STAFF,
};

/**
 * Routes scoped to the caller's organisation: `:id` is the caller's own organisation for the
 * matrix, and another organisation's id must be refused (403 or 404) to vendors and buyers.
 */
const ORGANISATION_SCOPED = /^\/organisations\/:id/;

/**
 * Routes scoped to a partner: `:partnerId` is the partner-admin's own partner for the matrix (admins
 * act for any), and another partner's id must be refused (403 or 404) to the partner-admin.
 */
const PARTNER_SCOPED = /^\/partners\/:partnerId/;

/** Routes that change the caller for good: run last, with users of their own. */
const DESTRUCTIVE = new Set(['DELETE /me']);

describe('permission matrix: every route × every role', () => {
  let t: TestApp;
  let sessions: Sessions;
  let partnerKey: string;
  let otherPartnerId: string;
  let routes: Route[];

  /** The partner-admin acts for the partner whose key is the `partner` column. */
  type Sessions = Record<Exclude<UserRole, 'partnerAdmin'>, TestSession> & { partnerAdmin: TestSession & { partnerId: string } };
  const newSessions = async (): Promise<Sessions> => {
    const admin = await createStaffUser(t, 'admin');
    return {
      vendor: await registerVendor(t),
      buyer: await registerBuyer(t),
      curator: await createStaffUser(t, 'curator'),
      admin,
      partnerAdmin: await createPartnerAdmin(t, admin, (await createPartner(t, admin)).id),
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    sessions = await newSessions();
    partnerKey = (await createPartnerKey(t, sessions.admin, undefined, sessions.partnerAdmin.partnerId)).secret;
    otherPartnerId = (await createPartner(t, sessions.admin)).id;
    // The console's pages (/app) have their own matrix: test/web/web-permissions.e2e-spec.ts.
    routes = discoverRoutes(t).filter((r) => !r.path.startsWith('/app'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes of every controller', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
  });

  it('declares an expectation for every route, and only for routes that exist', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(keys).toEqual(Object.keys(EXPECTED).sort());
  });

  const call = async (route: Route, role: Role, who: Sessions, organisationId?: string | null, partnerId = who.partnerAdmin.partnerId) => {
    const url = route.path
      .replace(/^\/organisations\/:id/, `/organisations/${organisationId ?? randomUUID()}`)
      .replace(/^\/partners\/:partnerId/, `/partners/${partnerId}`)
      .replace(/:claim\b/g, 'certifications.secNumCloud')
      .replace(/:siret\b/g, '55210055400021')
      .replace(/:[A-Za-z]+/g, () => randomUUID());
    const req = request(t.server)[route.method.toLowerCase() as 'get'](url).set('x-forwarded-for', randomUUID());
    if (role === 'partner') req.set(apiKey(partnerKey));
    else if (role !== 'anonymous') req.set(bearer(who[role]));
    return ['GET', 'DELETE'].includes(route.method) ? req : req.send({});
  };

  const check = async (route: Route, who: Sessions) => {
    const key = `${route.method} ${route.path}`;
    const problems: string[] = [];
    for (const role of ROLES) {
      const own = role === 'anonymous' || role === 'partner' ? null : who[role].organisationId;
      const res = await call(route, role, who, ORGANISATION_SCOPED.test(route.path) ? own : undefined);
      const expected = EXPECTED[key][role];
      if (res.status >= 500) problems.push(`${key} as ${role}: ${res.status} ${JSON.stringify(res.body)}`);
      else if (expected === 'pass' && (res.status === 401 || res.status === 403)) {
        problems.push(`${key} as ${role}: expected to get through, got ${res.status} ${res.body.code}`);
      } else if (expected !== 'pass' && res.status !== expected)
        problems.push(`${key} as ${role}: expected ${expected}, got ${res.status}`);
    }
    if (ORGANISATION_SCOPED.test(route.path)) {
      // Own vs other's: each side is refused on the other's organisation.
      for (const [role, other] of [
        ['vendor', who.buyer],
        ['buyer', who.vendor],
      ] as const) {
        const res = await call(route, role, who, other.organisationId);
        if (![403, 404].includes(res.status)) problems.push(`${key} as ${role} on another organisation: got ${res.status}`);
      }
    }
    if (PARTNER_SCOPED.test(route.path)) {
      // An empty body may fail validation first (400), which tells nothing of the other partner;
      // test/partner-admins.e2e-spec.ts sends valid bodies and gets 404.
      const res = await call(route, 'partnerAdmin', who, undefined, otherPartnerId);
      if (![400, 403, 404].includes(res.status)) problems.push(`${key} as partnerAdmin on another partner: got ${res.status}`);
    }
    return problems;
  };

  // Every route × 7 credentials: hundreds of requests, longer than Jest's default 30 s on a loaded machine.
  it('answers each role as declared, and never with a 5xx', async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => !DESTRUCTIVE.has(`${r.method} ${r.path}`))) {
      if (EXPECTED[`${route.method} ${route.path}`]) problems.push(...(await check(route, sessions)));
    }
    for (const route of routes.filter((r) => DESTRUCTIVE.has(`${r.method} ${r.path}`))) {
      problems.push(...(await check(route, await newSessions())));
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
