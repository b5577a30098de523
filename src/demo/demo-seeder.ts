import type { INestApplicationContext } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import type { Caller } from '../identity/caller.js';
import { RegisterDto } from '../auth/dto/auth.dto.js';
import { PasswordService } from '../credentials/password.service.js';
import { flattenValidationErrors } from '../common/errors/validation.js';
import { CreateIntroductionDto, DeclineIntroductionDto, IntroductionOutcomeDto } from '../introductions/dto/introduction-input.dto.js';
import { IntroductionTransitionsService } from '../introductions/introduction-transitions.service.js';
import { IntroductionsService } from '../introductions/introductions.service.js';
import { CloseNeedDto, RejectNeedDto, RequestNeedChangesDto } from '../needs/dto/need-actions.dto.js';
import { CreateNeedDto } from '../needs/dto/need-input.dto.js';
import { NeedTransitionsService } from '../needs/need-transitions.service.js';
import { NeedsService } from '../needs/needs.service.js';
import type { OfferingDto } from '../offerings/dto/offering.dto.js';
import { CreateOfferingDto, RejectClaimDto, VerifyClaimDto } from '../offerings/dto/offering-input.dto.js';
import { OfferingClaimsService } from '../offerings/offering-claims.service.js';
import { OfferingsService } from '../offerings/offerings.service.js';
import { OFFERING_DOCUMENT_SOURCE, type OfferingDocumentSource } from '../search/offering-document.source.js';
import { SEARCH_INDEX, type SearchIndex } from '../search/search-index.port.js';
import { UsersRepository } from '../users/users.repository.js';
import { UpdateVendorDto } from '../vendors/dto/vendor.dto.js';
import { VendorsService } from '../vendors/vendors.service.js';
import { VendorEstablishmentsService } from '../vendors/vendor-establishments.service.js';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_CLAIM_REVIEWS,
  DEMO_CURATOR_EMAIL,
  DEMO_INTRODUCTIONS,
  DEMO_PASSWORD,
  demoBuyers,
  demoVendors,
  type DemoNeedStatus,
} from './demo-data.js';

export interface DemoSeedResult {
  loaded: boolean;
  vendors: number;
  /** Vendors left waiting for a curator's verification. */
  unverifiedVendors: number;
  /** Published offerings. */
  offerings: number;
  needs: number;
  introductions: number;
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

const HOUR_MS = 3_600_000;
/** What the demo's parties tell when they conclude (decision 026): a mid-size won deal, a lost one to a competitor. */
const DEMO_OUTCOME_DETAILS = {
  won: { valueBand: '20k_50k', startDate: '2027-01-04', public: true },
  lost: { lostReason: 'competitor' },
} as const;

/** Hours ago of each timestamp column of one row; only columns the services already filled are moved. */
type Timeline = Record<string, number>;

interface SeededNeed {
  id: string;
  title: string;
  useCases: string[];
  status: DemoNeedStatus;
  ageHours: number;
}

interface SeededVendor {
  caller: Caller;
  name: string;
  offerings: { id: string; title: string; useCases: string[]; dto: OfferingDto }[];
}

/**
 * Loads the demo data set through the real services (registration, verification, offerings with
 * their scored sovereignty profile, curators' decisions on claims, needs through their lifecycle,
 * introductions proposed by the demo curator and answered by each side), then indexes the
 * offerings. Every rule, audit entry and outbox event is the one production would write.
 *
 * The services stamp each step with the current time; at the end the demo moves those timestamps
 * of needs and introductions back (by a few hours to a few weeks) so the review queue shows
 * different waiting times and the board a plausible history. Audit entries keep the real time.
 *
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
    const [vendor, buyer] = [demoVendors()[0]?.email, demoBuyers()[2]?.email];
    const present = (await dataSource.query('SELECT lower(email) AS email FROM app_user WHERE lower(email) = ANY($1::text[])', [
      [vendor, buyer].filter(Boolean),
    ])) as { email: string }[];
    if (vendor && present.some((u) => u.email === vendor)) credentials.push({ role: 'vendor', email: vendor, password: DEMO_PASSWORD });
    if (buyer && present.some((u) => u.email === buyer)) credentials.push({ role: 'buyer', email: buyer, password: DEMO_PASSWORD });
    return { loaded: false, vendors: 0, unverifiedVendors: 0, offerings: 0, needs: 0, introductions: 0, credentials };
  }
  const passwords = app.get(PasswordService);
  const users = app.get(UsersRepository);
  const auth = app.get(AuthService);
  const vendorsService = app.get(VendorsService);
  const establishments = app.get(VendorEstablishmentsService);
  const offerings = app.get(OfferingsService);
  const claims = app.get(OfferingClaimsService);
  const needs = app.get(NeedsService);
  const transitions = app.get(NeedTransitionsService);

  const hash = await passwords.hash(DEMO_PASSWORD);
  const staff: Record<'curator' | 'admin', Caller> = {} as Record<'curator' | 'admin', Caller>;
  for (const { role, email } of credentials as { role: 'curator' | 'admin'; email: string }[]) {
    const user = await dataSource.transaction((manager) =>
      users.create(manager, {
        email,
        passwordHash: hash,
        role,
        displayName: role === 'curator' ? 'Claire Curatrice (démo)' : 'Alex Admin (démo)',
      }),
    );
    staff[role] = { userId: user.id, role, organisationId: null, membershipStatus: null, requestId: 'demo-seed' };
  }
  say('Demo: curator and admin created.');

  const register = async (role: 'vendor' | 'buyer', email: string, displayName: string, organisation: object): Promise<Caller> => {
    const body = await valid(
      RegisterDto,
      { email, password: DEMO_PASSWORD, displayName, role, organisation, acceptTerms: true },
      `${role} ${email}`,
    );
    const res = await auth.register(body);
    // Demo people have "clicked" their confirmation link: they publish and submit below.
    await dataSource.transaction((manager) => users.markEmailVerified(manager, res.user.id));
    return { userId: res.user.id, role, organisationId: res.user.organisationId, membershipStatus: 'active', requestId: 'demo-seed' };
  };

  // Vendors: verified ones publish their offerings; the newcomers wait for a curator, their offering a draft.
  const vendors = demoVendors();
  const seededVendors: SeededVendor[] = [];
  const offeringIds: string[] = [];
  let unverified = 0;
  for (const [i, v] of vendors.entries()) {
    const caller = await register('vendor', v.email, v.displayName, v.organisation);
    const vendorId = caller.organisationId as string;
    const { version } = await vendorsService.get(caller, vendorId);
    await vendorsService.update(
      caller,
      vendorId,
      await valid(UpdateVendorDto, { description: v.description, version }, `profile of ${v.organisation.name}`),
    );
    if (v.verified) {
      await vendorsService.verify(staff.curator, vendorId);
      // The demo curator confirms the sites too, so that proximity counts them (decision 022).
      for (const site of v.organisation.establishments ?? []) await establishments.confirm(staff.curator, vendorId, site.siret);
    } else unverified++;
    const seeded: SeededVendor = { caller, name: v.organisation.name, offerings: [] };
    for (const body of v.offerings) {
      let dto = await offerings.create(caller, await valid(CreateOfferingDto, body, `offering of ${v.organisation.name}`));
      if (v.verified) {
        dto = await offerings.publish(caller, dto.id);
        offeringIds.push(dto.id);
      }
      seeded.offerings.push({ id: dto.id, title: dto.title, useCases: dto.useCases, dto });
    }
    seededVendors.push(seeded);
    if ((i + 1) % 10 === 0 || i === vendors.length - 1)
      say(`Demo: vendors ${i + 1}/${vendors.length} (${unverified} awaiting verification), offerings ${offeringIds.length} published`);
  }
  if (vendors[0]) credentials.push({ role: 'vendor', email: vendors[0].email, password: DEMO_PASSWORD });

  // Curators' decisions on declared claims: the others stay in the review list with their evidence.
  for (const review of DEMO_CLAIM_REVIEWS) {
    const offering = seededVendors[review.vendor].offerings[review.offering].dto;
    const toVerify =
      review.verify === 'all' ? offering.claims.filter((c) => c.counted && c.status === 'declared').map((c) => c.claim) : review.verify;
    for (const claim of toVerify) {
      const dto = await valid(VerifyClaimDto, { comment: 'Vérifié sur pièces.' }, `verification of ${claim}`);
      await claims.verify(staff.curator, offering.id, claim, dto.comment);
    }
    if (review.reject) {
      const dto = await valid(RejectClaimDto, { comment: review.reject.comment }, `rejection of ${review.reject.claim}`);
      await claims.reject(staff.curator, offering.id, review.reject.claim, dto.comment);
    }
  }
  say(`Demo: claims reviewed on ${DEMO_CLAIM_REVIEWS.length} offerings; the others await review.`);

  // Buyers and their needs, each taken to its status through the transitions.
  const buyers = demoBuyers();
  const buyerCallers: Caller[] = [];
  const seededNeeds: SeededNeed[][] = [];
  let needCount = 0;
  for (const [i, b] of buyers.entries()) {
    const caller = await register('buyer', b.email, b.displayName, b.organisation);
    buyerCallers.push(caller);
    const own: SeededNeed[] = [];
    for (const n of b.needs) {
      const need = await needs.create(caller, await valid(CreateNeedDto, n.body, `need of ${b.organisation.name}`));
      if (n.status !== 'draft') await transitions.submit(caller, need.id, {});
      if (n.status === 'published') await transitions.publish(staff.curator, need.id, {});
      if (n.status === 'changes_requested') {
        await transitions.requestChanges(
          staff.curator,
          need.id,
          await valid(RequestNeedChangesDto, { message: n.curatorText }, 'changes request'),
        );
      }
      if (n.status === 'rejected')
        await transitions.reject(staff.curator, need.id, await valid(RejectNeedDto, { reason: n.curatorText }, 'rejection'));
      own.push({ id: need.id, title: need.title, useCases: need.useCases, status: n.status, ageHours: n.ageHours });
      needCount++;
    }
    seededNeeds.push(own);
    if ((i + 1) % 5 === 0 || i === buyers.length - 1) say(`Demo: buyers ${i + 1}/${buyers.length}, needs ${needCount}`);
  }
  if (buyers[2]) credentials.push({ role: 'buyer', email: buyers[2].email, password: DEMO_PASSWORD });

  // Introductions, proposed by the curator and answered by each side.
  const introductions = app.get(IntroductionsService);
  const answers = app.get(IntroductionTransitionsService);
  const needTimelines = new Map<string, Timeline>();
  const introductionTimelines = new Map<string, Timeline>();
  const firstProposal = new Map<string, number>();
  const reached: Record<string, number> = {};
  for (const scenario of DEMO_INTRODUCTIONS) {
    const need = seededNeeds[scenario.buyer].find((n) => n.status === 'published' && n.useCases.includes(scenario.useCase));
    const vendor = seededVendors[scenario.vendor];
    // The vendor's offering centred on the use case first, then one that also covers it.
    const offering =
      vendor.offerings.find((o) => o.useCases[0] === scenario.useCase) ??
      vendor.offerings.find((o) => o.useCases.includes(scenario.useCase));
    if (!need || !offering)
      throw new Error(
        `Demo introduction: no published need of buyer ${scenario.buyer} or offering of vendor ${scenario.vendor} on ${scenario.useCase}`,
      );
    const message = introductionMessage(need.title, offering.title, vendor.name, scenario.why);
    const proposal = await valid(
      CreateIntroductionDto,
      { needId: need.id, offeringId: offering.id, message },
      `introduction ${need.title} × ${offering.title}`,
    );
    let introduction = await introductions.propose(staff.curator, proposal).catch((error: unknown) => {
      throw Object.assign(
        new Error(
          `Demo introduction of vendor ${scenario.vendor} to buyer ${scenario.buyer} (${scenario.useCase}) refused: ${String(error)}`,
        ),
        {
          details: (error as { details?: unknown }).details,
        },
      );
    });
    const callers = { vendor: vendor.caller, buyer: buyerCallers[scenario.buyer], curator: staff.curator };
    const timeline: Timeline = { created_at: scenario.proposedDaysAgo * 24, proposed_at: scenario.proposedDaysAgo * 24 };
    for (const step of scenario.steps) {
      const at = step.daysAgo * 24;
      const version = { version: introduction.version };
      switch (step.event) {
        case 'vendor_accept':
        case 'buyer_accept':
          introduction = await answers.accept(step.event === 'vendor_accept' ? callers.vendor : callers.buyer, introduction.id, version);
          timeline[step.event === 'vendor_accept' ? 'vendor_accepted_at' : 'buyer_accepted_at'] = at;
          if (introduction.status === 'connected') timeline.connected_at = at;
          break;
        case 'vendor_decline':
        case 'buyer_decline': {
          const body = { ...version, reason: step.reason, ...(step.comment ? { comment: step.comment } : {}) };
          introduction = await answers.decline(
            step.event === 'vendor_decline' ? callers.vendor : callers.buyer,
            introduction.id,
            await valid(DeclineIntroductionDto, body, 'decline'),
          );
          timeline.declined_at = at;
          break;
        }
        case 'meeting_held':
          introduction = await answers.meetingHeld(callers[step.by], introduction.id, version);
          timeline.meeting_held_at = at;
          break;
        case 'won':
        case 'lost':
          introduction = await answers.outcome(
            callers[step.by],
            introduction.id,
            await valid(IntroductionOutcomeDto, { ...version, outcome: step.event, ...DEMO_OUTCOME_DETAILS[step.event] }, 'outcome'),
          );
          timeline.outcome_at = at;
          break;
      }
    }
    timeline.updated_at = Math.min(...Object.values(timeline));
    introductionTimelines.set(introduction.id, timeline);
    firstProposal.set(need.id, Math.max(firstProposal.get(need.id) ?? 0, scenario.proposedDaysAgo * 24));
    reached[introduction.status] = (reached[introduction.status] ?? 0) + 1;
    if (scenario.closeNeed) {
      await transitions.close(callers.buyer, need.id, await valid(CloseNeedDto, { outcome: scenario.closeNeed.outcome }, 'need closing'));
      needTimelines.set(need.id, { closed_at: scenario.closeNeed.daysAgo * 24 });
    }
  }
  say(
    `Demo: ${DEMO_INTRODUCTIONS.length} introductions (${Object.entries(reached)
      .map(([status, count]) => `${status} ${count}`)
      .join(', ')}).`,
  );

  // Dates: each need is dated from its age, published before its first introduction.
  for (const n of seededNeeds.flat()) {
    const age = n.status === 'published' ? Math.max(n.ageHours, (firstProposal.get(n.id) ?? 0) + 48) : n.ageHours;
    const timeline = { ...needTimeline(n.status, age), ...needTimelines.get(n.id) };
    needTimelines.set(n.id, { ...timeline, updated_at: Math.min(...Object.values(timeline)) });
  }
  await backdate(dataSource, 'need', needTimelines);
  await backdate(dataSource, 'introduction', introductionTimelines);
  say('Demo: needs and introductions dated over the last weeks.');

  // The outbox indexes them too; indexing here makes search and matching ready at once.
  const documents = await app.get<OfferingDocumentSource>(OFFERING_DOCUMENT_SOURCE).documentsFor(offeringIds);
  await app
    .get<SearchIndex>(SEARCH_INDEX)
    .upsert(documents)
    .then(() => say(`Demo: ${documents.length} offerings indexed for search.`))
    .catch((error: unknown) => say(`Demo: search index not reachable now (${String(error)}); the outbox will index the offerings.`));
  return {
    loaded: true,
    vendors: vendors.length,
    unverifiedVendors: unverified,
    offerings: offeringIds.length,
    needs: needCount,
    introductions: DEMO_INTRODUCTIONS.length,
    credentials,
  };
}

/** The curator's message: both sides read it before accepting, so it names the vendor (public) and never the buyer. */
export function introductionMessage(needTitle: string, offeringTitle: string, vendorName: string, why: string): string {
  return (
    `Bonjour, nous vous proposons de rapprocher le besoin « ${needTitle} » et l’offre « ${offeringTitle} » proposée par ${vendorName} : ${why}. ` +
    'Les coordonnées de chacun sont communiquées à l’autre dès que vous avez accepté tous les deux.'
  );
}

/** Hours ago of each step of a need, from the age of its current status. */
function needTimeline(status: DemoNeedStatus, age: number): Timeline {
  switch (status) {
    case 'draft':
      return { created_at: age, updated_at: age };
    case 'submitted':
      return { created_at: age + 20, submitted_at: age, updated_at: age };
    case 'published':
      return { created_at: age + 72, submitted_at: age + 48, published_at: age, updated_at: age };
    case 'changes_requested':
      return { created_at: age + 72, submitted_at: age + 48, changes_requested_at: age, updated_at: age };
    case 'rejected':
      return { created_at: age + 72, submitted_at: age + 48, rejected_at: age, updated_at: age };
  }
}

/** Moves the timestamps of demo rows back; a column the services left empty stays empty. */
async function backdate(dataSource: DataSource, table: 'need' | 'introduction', timelines: Map<string, Timeline>): Promise<void> {
  const now = Date.now();
  await dataSource.transaction(async (manager) => {
    for (const [id, timeline] of timelines) {
      const columns = Object.keys(timeline).filter((c) => /^[a-z_]+_at$/.test(c));
      const sets = columns.map((c, i) => `${c} = CASE WHEN ${c} IS NULL THEN NULL ELSE $${i + 2}::timestamptz END`);
      await manager.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1`, [
        id,
        ...columns.map((c) => new Date(now - timeline[c] * HOUR_MS)),
      ]);
    }
  });
}

export function demoSummary(result: DemoSeedResult): string {
  return `${result.vendors} vendors (${result.unverifiedVendors} awaiting verification), ${result.offerings} published offerings, ${result.needs} needs, ${result.introductions} introductions`;
}

export function credentialLines(result: DemoSeedResult): string[] {
  return [
    'Demo accounts (demo only, change or delete them on a real deployment):',
    ...result.credentials.map((c) => `  ${c.role.padEnd(8)} ${c.email}  /  ${c.password}`),
  ];
}
