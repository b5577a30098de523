import { sirenFrom, siretFrom, type Corpus } from './relevance-corpus.js';

/**
 * Loads the judged set into a running app through its public HTTP API only (register, verify,
 * publish, submit, publish as a curator), so the bench survives renames of the app's classes.
 */
export class Api {
  constructor(private readonly base: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** The call, or an error naming the route, the status and the body when it is not 2xx. */
  async ok<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const res = await this.call<T>(method, path, token, body);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async login(email: string, password: string): Promise<string> {
    return (await this.ok<{ accessToken: string }>('POST', '/auth/login', undefined, { email, password })).accessToken;
  }
}

export const BENCH_PASSWORD = 'Banc-de-pertinence-2026!';

/** Reads the token of a user's newest confirmation link, as its e-mail carries it (the outbox event). */
export type VerificationTokens = (userId: string) => Promise<string>;

/** The tokens from the app's database: the bench and the test own it, the API never shows a token. */
export function outboxVerificationTokens(db: { query(sql: string, params: unknown[]): Promise<unknown> }): VerificationTokens {
  return async (userId) => {
    const rows = (await db.query(
      `SELECT payload->>'token' AS token FROM outbox_event
        WHERE topic = 'account.email_verification' AND payload->>'userId' = $1 ORDER BY seq DESC LIMIT 1`,
      [userId],
    )) as { token: string }[];
    if (!rows[0]) throw new Error(`no confirmation link queued for user ${userId}`);
    return rows[0].token;
  };
}

/** Registers an account as a person would: terms accepted, then the e-mail's confirmation link followed. */
async function register(
  api: Api,
  tokens: VerificationTokens,
  body: Record<string, unknown>,
): Promise<{ accessToken: string; user: { id: string; organisationId: string } }> {
  const res = await api.ok<{ accessToken: string; user: { id: string; organisationId: string } }>('POST', '/auth/register', undefined, {
    ...body,
    acceptTerms: true,
  });
  await api.ok('POST', '/auth/email/verify', undefined, { token: await tokens(res.user.id) });
  return res;
}

export interface LoadedCorpus {
  curatorToken: string;
  /** Corpus key → id given by the app, and back. */
  offeringIds: Map<string, string>;
  offeringKeys: Map<string, string>;
  needIds: Map<string, string>;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function loadCorpus(
  api: Api,
  corpus: Corpus,
  admin: { email: string; password: string },
  say: (line: string) => void,
  tokens: VerificationTokens,
): Promise<LoadedCorpus> {
  const adminToken = await api.login(admin.email, admin.password);
  const curatorEmail = 'curatrice@banc-pertinence.example.fr';
  await api.ok('POST', '/admin/users', adminToken, {
    email: curatorEmail,
    password: BENCH_PASSWORD,
    displayName: 'Curatrice du banc',
    role: 'curator',
  });
  const curatorToken = await api.login(curatorEmail, BENCH_PASSWORD);

  const vendorTokens = new Map<string, string>();
  for (const [i, v] of corpus.vendors.entries()) {
    const siren = sirenFrom(71000000 + i * 1931);
    const res = await register(api, tokens, {
      email: `contact@${slug(v.name)}.example.fr`,
      password: BENCH_PASSWORD,
      displayName: `Équipe ${v.name}`,
      role: 'vendor',
      organisation: {
        name: v.name,
        siren,
        nafCode: v.nafCode,
        communeCode: v.communeCode,
        ...(v.establishments.length
          ? { establishments: v.establishments.map((c, k) => ({ siret: siretFrom(siren, 20 + k), communeCode: c })) }
          : {}),
      },
    });
    await api.ok('POST', `/vendors/${res.user.organisationId}/verify`, curatorToken);
    vendorTokens.set(v.key, res.accessToken);
  }
  say(`Relevance set: ${corpus.vendors.length} vendors registered and verified.`);

  const offeringIds = new Map<string, string>();
  for (const o of corpus.offerings) {
    const token = vendorTokens.get(o.vendor) as string;
    const created = await api.ok<{ id: string }>('POST', '/offerings', token, {
      title: o.title,
      summary: o.summary,
      description: o.description,
      useCases: o.useCases,
      sectors: o.sectors,
      serviceArea: o.serviceArea,
      pricing: o.pricing,
      targetBuyerTypes: o.targetBuyerTypes,
      references: o.references,
      sovereignty: corpus.profiles[o.profile],
    });
    await api.ok('POST', `/offerings/${created.id}/publish`, token);
    offeringIds.set(o.key, created.id);
  }
  say(`Relevance set: ${offeringIds.size} offerings published.`);

  const buyerTokens = new Map<string, { token: string; nafCode: string; communeCode: string }>();
  for (const [i, b] of corpus.buyers.entries()) {
    const res = await register(api, tokens, {
      email: `referent@${slug(b.name)}.example.fr`,
      password: BENCH_PASSWORD,
      displayName: `Référent ${b.name}`,
      role: 'buyer',
      organisation: {
        name: b.name,
        siren: sirenFrom(72000000 + i * 2083),
        nafCode: b.nafCode,
        communeCode: b.communeCode,
        buyerType: b.buyerType,
      },
    });
    buyerTokens.set(b.key, { token: res.accessToken, nafCode: b.nafCode, communeCode: b.communeCode });
  }

  const needIds = new Map<string, string>();
  for (const n of corpus.needs) {
    const buyer = buyerTokens.get(n.buyer) as { token: string; nafCode: string; communeCode: string };
    const created = await api.ok<{ id: string }>('POST', '/needs', buyer.token, {
      title: n.title,
      description: n.description,
      useCases: n.useCases,
      sector: buyer.nafCode,
      communeCode: buyer.communeCode,
      reach: n.reach,
      acceptsRemote: n.acceptsRemote,
      minBudgetEur: n.minBudgetEur,
      maxBudgetEur: n.maxBudgetEur,
      dataSensitivity: n.dataSensitivity,
      requirements: n.requirements,
    });
    await api.ok('POST', `/needs/${created.id}/submit`, buyer.token, {});
    await api.ok('POST', `/needs/${created.id}/publish`, curatorToken, {});
    needIds.set(n.key, created.id);
  }
  say(`Relevance set: ${corpus.buyers.length} buyers, ${needIds.size} needs submitted and published by the curator.`);
  return { curatorToken, offeringIds, offeringKeys: new Map([...offeringIds].map(([k, id]) => [id, k])), needIds };
}

/** Waits until the outbox has delivered every event (search documents indexed), as /health/ready reports it. */
export async function waitForOutbox(api: Api, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const res = await api.call<{
      info?: { outbox?: { pending?: number } };
      error?: { outbox?: { pending?: number } };
      details?: { outbox?: { pending?: number } };
    }>('GET', '/health/ready');
    const pending = res.body.details?.outbox?.pending ?? res.body.info?.outbox?.pending ?? res.body.error?.outbox?.pending;
    if (pending === 0) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Outbox still has ${String(pending)} pending event(s) after ${timeoutMs} ms: ${JSON.stringify(res.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
