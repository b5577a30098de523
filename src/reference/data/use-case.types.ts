/** The 18 AI use-case categories of REFERENCE §5; the data file holds their labels and hints. */
export const USE_CASE_CODES = [
  'CUSTOMER_SERVICE_CHATBOT',
  'DOC_PROCESSING',
  'KNOWLEDGE_ASSISTANT_RAG',
  'MEETING_WRITING_ASSIST',
  'MARKETING_CONTENT_GEN',
  'SALES_FORECAST',
  'PRICING_CRM_ANALYTICS',
  'FINANCE_ACCOUNTING',
  'HR_RECRUITMENT',
  'PREDICTIVE_MAINTENANCE',
  'VISION_QUALITY_CONTROL',
  'LOGISTICS_OPTIMISATION',
  'CYBERSECURITY',
  'TRANSLATION_SPEECH',
  'ENERGY_ENVIRONMENT',
  'MOBILITY_URBAN',
  'PUBLIC_SERVICE_ELIGIBILITY',
  'AGRI_FOOD',
] as const;
export type UseCaseCode = (typeof USE_CASE_CODES)[number];

export interface UseCase {
  readonly code: UseCaseCode;
  /** Catégorie, in French. */
  readonly label: string;
  readonly examples: string;
  /** The Eurostat/INSEE ICT-survey purpose it maps to. */
  readonly eurostatPurpose: string;
  /** Typical buyers. */
  readonly buyers: string;
  /** AI Act risk hint for the category (the risk of a given offering is declared in its profile). */
  readonly aiActHint: string;
}

export interface RawUseCases {
  version: number;
  useCases: { code: string; label: string; examples: string; eurostatPurpose: string; buyers: string; aiActHint: string }[];
}

const KNOWN = new Set<string>(USE_CASE_CODES);
export const isUseCaseCode = (value: unknown): value is UseCaseCode => typeof value === 'string' && KNOWN.has(value);

/** Checks the data file against the code list, both ways, so the two cannot drift apart. */
export function buildUseCases(raw: RawUseCases): readonly UseCase[] {
  const useCases = raw.useCases.map((u) => {
    if (!isUseCaseCode(u.code)) throw new Error(`Unknown use-case code in data file: ${u.code}`);
    return Object.freeze({ ...u, code: u.code });
  });
  const missing = USE_CASE_CODES.filter((code) => !useCases.some((u) => u.code === code));
  if (missing.length > 0 || useCases.length !== USE_CASE_CODES.length) {
    throw new Error(`Use-case data file does not match the code list (missing: ${missing.join(', ') || 'none'})`);
  }
  return Object.freeze(useCases);
}
