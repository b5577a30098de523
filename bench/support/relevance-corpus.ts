import fs from 'node:fs';
import path from 'node:path';

/** The judged relevance set of issue 26 (test/relevance/): plain data, loaded through the API by the bench. */
export interface CorpusVendor {
  key: string;
  name: string;
  nafCode: string;
  communeCode: string;
  /** Communes of other declared sites; the bench gives each a valid SIRET. */
  establishments: string[];
}

export type Adversarial = 'catch_all' | 'keyword_stuffed' | 'local_everywhere' | 'off_topic_high_grade';

export interface CorpusOffering {
  key: string;
  vendor: string;
  title: string;
  summary: string;
  description: string;
  useCases: string[];
  sectors: string[];
  serviceArea: { national: boolean; regions: string[]; departements: string[]; remoteDelivery: boolean };
  pricing: { model: string; minBudgetEur: number; maxBudgetEur: number };
  targetBuyerTypes: string[];
  references: { count: number; sectors: string[] };
  /** Key of `profiles`: the whole sovereignty profile sent with the offering. */
  profile: string;
  adversarial?: Adversarial;
}

export interface CorpusBuyer {
  key: string;
  name: string;
  buyerType: string;
  nafCode: string;
  communeCode: string;
}

export type Reach = 'local' | 'regional' | 'national';

export interface CorpusNeed {
  key: string;
  buyer: string;
  title: string;
  description: string;
  useCases: string[];
  reach: Reach;
  acceptsRemote: boolean;
  minBudgetEur: number;
  maxBudgetEur: number;
  dataSensitivity: string;
  requirements: string[];
}

export interface Corpus {
  profiles: Record<string, Record<string, unknown>>;
  vendors: CorpusVendor[];
  offerings: CorpusOffering[];
  buyers: CorpusBuyer[];
  needs: CorpusNeed[];
}

export interface Judgment {
  grade: 0 | 1 | 2 | 3;
  why: string;
}

export interface Judgments {
  needs: Record<string, Record<string, Judgment>>;
}

export const RELEVANCE_DIR = path.join('test', 'relevance');

export function readCorpus(dir = RELEVANCE_DIR): { corpus: Corpus; judgments: Judgments } {
  const corpus = JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as Corpus;
  const judgments = JSON.parse(fs.readFileSync(path.join(dir, 'judgments.json'), 'utf8')) as Judgments;
  return { corpus, judgments };
}

/** Everything wrong with the set's references and rationales; empty when the set is usable. */
export function corpusProblems(corpus: Corpus, judgments: Judgments): string[] {
  const problems: string[] = [];
  const unique = (what: string, keys: string[]): Set<string> => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push(`duplicate ${what} key ${k}`);
      seen.add(k);
    }
    return seen;
  };
  const vendors = unique(
    'vendor',
    corpus.vendors.map((v) => v.key),
  );
  const offerings = unique(
    'offering',
    corpus.offerings.map((o) => o.key),
  );
  const buyers = unique(
    'buyer',
    corpus.buyers.map((b) => b.key),
  );
  const needs = unique(
    'need',
    corpus.needs.map((n) => n.key),
  );
  for (const o of corpus.offerings) {
    if (!vendors.has(o.vendor)) problems.push(`offering ${o.key}: unknown vendor ${o.vendor}`);
    if (!corpus.profiles[o.profile]) problems.push(`offering ${o.key}: unknown profile ${o.profile}`);
  }
  for (const n of corpus.needs) {
    if (!buyers.has(n.buyer)) problems.push(`need ${n.key}: unknown buyer ${n.buyer}`);
    if (!judgments.needs[n.key]) problems.push(`need ${n.key}: no judgments`);
  }
  const adversarial = corpus.offerings.filter((o) => o.adversarial).map((o) => o.key);
  for (const [needKey, grades] of Object.entries(judgments.needs)) {
    if (!needs.has(needKey)) problems.push(`judgments: unknown need ${needKey}`);
    for (const [offeringKey, j] of Object.entries(grades)) {
      if (!offerings.has(offeringKey)) problems.push(`judgments ${needKey}: unknown offering ${offeringKey}`);
      if (![0, 1, 2, 3].includes(j.grade)) problems.push(`judgments ${needKey} × ${offeringKey}: grade ${String(j.grade)} not in 0–3`);
    }
    for (const [offeringKey, j] of Object.entries(grades)) {
      if (j.grade >= 2 && !j.why?.trim()) problems.push(`judgments ${needKey} × ${offeringKey}: grade ${j.grade} without a rationale`);
    }
    for (const key of adversarial) {
      if (!grades[key]?.why?.trim()) problems.push(`judgments ${needKey} × ${key}: adversarial pair without a rationale`);
    }
    if (!Object.values(grades).some((j) => j.grade === 3)) problems.push(`judgments ${needKey}: no offering graded 3`);
  }
  return problems;
}

/** The grade of a pair; an unlisted pair is 0. */
export function gradeOf(judgments: Judgments, needKey: string, offeringKey: string): number {
  return judgments.needs[needKey]?.[offeringKey]?.grade ?? 0;
}

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

/** A SIREN passing the Luhn check, from an 8-digit body. */
export function sirenFrom(body: number): string {
  const digits = String(body).padStart(8, '0');
  for (let check = 0; check <= 9; check++) if (luhnOk(`${digits}${check}`)) return `${digits}${check}`;
  throw new Error('unreachable');
}

/** SIRET = SIREN + a 4-digit NIC body and a check digit, Luhn over the 14 digits. */
export function siretFrom(siren: string, nic: number): string {
  const base = `${siren}${String(nic).padStart(4, '0')}`;
  for (let check = 0; check <= 9; check++) if (luhnOk(`${base}${check}`)) return `${base}${check}`;
  throw new Error('unreachable');
}

export function departementOf(communeCode: string): string {
  return communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
}
