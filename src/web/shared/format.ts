import type { IntroductionStatus } from '../../introductions/introduction-lifecycle.js';
import type { NeedStatus } from '../../needs/need-lifecycle.js';
import type { OfferingStatus } from '../../offerings/offering.entity.js';
import { findCommune, findDepartement, findRegion } from '../../reference/geo/geography.js';
import { referenceData } from '../../reference/data/reference-data.js';
import {
  DATA_RESIDENCY_LABELS,
  DATA_SENSITIVITY_LABELS,
  HARD_REQUIREMENT_LABELS,
  SOVEREIGNTY_GRADE_LABELS,
  SOVEREIGNTY_GRADE_MEANINGS,
} from '../../reference/sovereignty/sovereignty.labels.js';
import { gradeCheckLabel, gradeHelp, gradeName, profileValueLabel } from '../../reference/sovereignty/sovereignty-wording.js';
import type { SovereigntyGrade } from '../../reference/sovereignty/sovereignty.enums.js';
import { ADVANCED_REQUIREMENTS, REQUIREMENT_SENTENCES, requirementSentences } from '../../reference/sovereignty/requirement-sentences.js';
import { isStartInPast, PAST_START_WARNING } from '../../needs/need-dates.js';
import { INTRODUCTION_STATUS_LABELS } from './introduction.labels.js';
import { BUYER_TYPE_LABELS } from './organisation.labels.js';
import { NEED_STATUS_LABELS } from './need.labels.js';
import { CLAIM_STATUS_LABELS, OFFERING_STATUS_LABELS } from './offering.labels.js';

/* Display helpers handed to every template as `it.h`: formatting and labels only, no rules. */

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('fr-FR');

const useCaseLabels = (): Map<string, string> => {
  cachedUseCases ??= new Map(referenceData().useCases.map((u) => [u.code, u.label]));
  return cachedUseCases;
};
let cachedUseCases: Map<string, string> | undefined;

const asDate = (value: Date | string | null | undefined): Date | null => (value ? new Date(value) : null);

export const formatHelpers = {
  date: (value: Date | string | null | undefined): string => {
    const d = asDate(value);
    return d ? dateFormat.format(d) : '—';
  },
  dateTime: (value: Date | string | null | undefined): string => {
    const d = asDate(value);
    return d ? dateTimeFormat.format(d) : '—';
  },
  /** "depuis 3 jours", for waiting times. */
  since: (value: Date | string | null | undefined, now = new Date()): string => {
    const d = asDate(value);
    if (!d) return '—';
    const hours = Math.max(0, Math.floor((now.getTime() - d.getTime()) / 3_600_000));
    if (hours < 1) return "moins d'une heure";
    if (hours < 48) return `${hours} h`;
    return `${Math.floor(hours / 24)} jours`;
  },
  euros: (value: number | null | undefined): string => (value === null || value === undefined ? '—' : euroFormat.format(value)),
  number: (value: number | null | undefined): string => (value === null || value === undefined ? '—' : numberFormat.format(value)),
  budget: (min: number | null | undefined, max: number | null | undefined): string => {
    if (min == null && max == null) return 'Non précisé';
    if (min != null && max != null) return `${euroFormat.format(min)} – ${euroFormat.format(max)}`;
    return min != null ? `À partir de ${euroFormat.format(min)}` : `Jusqu'à ${euroFormat.format(max!)}`;
  },
  percent: (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0),
  useCase: (code: string): string => useCaseLabels().get(code) ?? code,
  region: (code: string | null | undefined): string => (code ? (findRegion(code)?.name ?? code) : '—'),
  departement: (code: string | null | undefined): string => {
    if (!code) return '—';
    const d = findDepartement(code);
    return d ? `${d.name} (${d.departementCode})` : code;
  },
  commune: (code: string | null | undefined): string => {
    if (!code) return '—';
    const c = findCommune(code);
    return c ? `${c.name} (${c.communeCode})` : code;
  },
  grade: (grade: string): string => SOVEREIGNTY_GRADE_LABELS[grade as keyof typeof SOVEREIGNTY_GRADE_LABELS] ?? grade,
  /** "A – très souverain", for badges and the grade filter. */
  gradeName: (grade: string): string => gradeName(grade as SovereigntyGrade),
  /** "très souverain". */
  gradeMeaning: (grade: string): string => SOVEREIGNTY_GRADE_MEANINGS[grade as SovereigntyGrade] ?? grade,
  /** "A – très souverain : 80 à 100 points sur 100", the help text of a grade badge. */
  gradeHelp: (grade: string): string => gradeHelp(grade as SovereigntyGrade),
  /** "vérifié par l’équipe" / "déclaré, non vérifié". */
  gradeCheck: (verified: boolean): string => gradeCheckLabel(verified),
  /** A sovereignty profile value in French: `h.profileValue('ai.modelLicence', 'OSI_OPEN_SOURCE')`. */
  profileValue: (field: string, value: unknown): string => profileValueLabel(field, value),
  claimStatus: (s: string): string => CLAIM_STATUS_LABELS[s as keyof typeof CLAIM_STATUS_LABELS] ?? s,
  residency: (code: string): string => DATA_RESIDENCY_LABELS[code as keyof typeof DATA_RESIDENCY_LABELS] ?? code,
  requirement: (code: string): string => HARD_REQUIREMENT_LABELS[code as keyof typeof HARD_REQUIREMENT_LABELS] ?? code,
  buyerType: (code: string): string => BUYER_TYPE_LABELS[code as keyof typeof BUYER_TYPE_LABELS] ?? code,
  /** A hard requirement as one plain French sentence (issue 23). */
  requirementSentence: (code: string): string => REQUIREMENT_SENTENCES[code as keyof typeof REQUIREMENT_SENTENCES] ?? '',
  /** A need's requirements as sentences, everyday ones apart from the advanced ones (partials/requirement-list). */
  requirementGroups: (codes: readonly string[]) => requirementSentences(codes),
  isAdvancedRequirement: (code: string): boolean => ADVANCED_REQUIREMENTS.has(code),
  /** A stored start date already passed: the need's pages warn (issue 23). */
  startInPast: (desiredStart: string | null | undefined): boolean => isStartInPast(desiredStart),
  pastStartWarning: PAST_START_WARNING,
  sensitivity: (code: string): string => DATA_SENSITIVITY_LABELS[code as keyof typeof DATA_SENSITIVITY_LABELS] ?? code,
  needStatus: (s: string): string => NEED_STATUS_LABELS[s as NeedStatus] ?? s,
  introductionStatus: (s: string): string => INTRODUCTION_STATUS_LABELS[s as IntroductionStatus] ?? s,
  offeringStatus: (s: string): string => OFFERING_STATUS_LABELS[s as OfferingStatus] ?? s,
  /** Builds a query string from defined values; arrays repeat the key. */
  query: (params: Record<string, unknown>): string => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null && v !== '') search.append(key, String(v));
    }
    const s = search.toString();
    return s ? `?${s}` : '';
  },
  /** The field's errors, for templates: `it.h.errorsOf(it.errors, 'title')`. */
  errorsOf: (errors: Record<string, string[]> | undefined, field: string): string[] => errors?.[field] ?? [],
  /** The value of a field in a submitted form or an object, for re-rendering. */
  valueOf: (values: Record<string, unknown> | undefined, field: string): string => {
    const v = values?.[field];
    return v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  },
  includes: (values: Record<string, unknown> | undefined, field: string, code: string): boolean => {
    const v = values?.[field];
    return Array.isArray(v) ? v.map(String).includes(code) : v === code || v === true || (v === 'true' && code === 'true');
  },
};

export type FormatHelpers = typeof formatHelpers;
