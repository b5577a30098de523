import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/errors/validation.js';
import { CreatePartnerNeedDto } from '../../partners/dto/partner-need.dto.js';

/** The embedded form's fields, named as the page posts them. */
export interface EmbedNeedValues {
  name: string;
  siren: string;
  nafCode: string;
  communeCode: string;
  buyerType: string;
  contactEmail: string;
  title: string;
  description: string;
  useCase: string;
}

const FIELDS: readonly (keyof EmbedNeedValues)[] = [
  'name',
  'siren',
  'nafCode',
  'communeCode',
  'buyerType',
  'contactEmail',
  'title',
  'description',
  'useCase',
];

/** The DTO's field paths back to the form's fields, with what to tell the visitor in French. */
const MESSAGES: Readonly<Record<string, [keyof EmbedNeedValues, string]>> = {
  'company.name': ['name', 'Indiquez la raison sociale.'],
  'company.siren': ['siren', 'Le SIREN compte 9 chiffres valides (voir un extrait Kbis ou l’avis de situation Insee).'],
  'company.nafCode': ['nafCode', 'Le code NAF ressemble à 10.71C.'],
  'company.communeCode': ['communeCode', 'Le code commune Insee compte 5 caractères (par exemple 06088 pour Nice).'],
  'company.buyerType': ['buyerType', 'Choisissez le type de structure.'],
  contactEmail: ['contactEmail', 'Indiquez une adresse e-mail valide : elle recevra le lien pour relire et soumettre le besoin.'],
  'need.title': ['title', 'Donnez un titre au besoin (200 caractères au plus).'],
  'need.description': ['description', 'La description compte 10 000 caractères au plus.'],
  'need.useCases': ['useCase', 'Choisissez un cas d’usage dans la liste.'],
};

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Parses the posted form: the intake DTO, or French messages by form field (the form is shown again). */
export function parseEmbedNeed(
  body: unknown,
):
  | { dto: CreatePartnerNeedDto; values: EmbedNeedValues }
  | { errors: Partial<Record<keyof EmbedNeedValues, string>>; values: EmbedNeedValues } {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const values = Object.fromEntries(FIELDS.map((f) => [f, str(raw[f])])) as unknown as EmbedNeedValues;
  const plain = {
    company: {
      name: values.name,
      siren: values.siren,
      nafCode: values.nafCode,
      communeCode: values.communeCode,
      buyerType: values.buyerType,
    },
    contactEmail: values.contactEmail,
    need: {
      title: values.title,
      ...(values.description ? { description: values.description } : {}),
      useCases: values.useCase ? [values.useCase] : [],
    },
  };
  const dto = plainToInstance(CreatePartnerNeedDto, plain);
  const problems = flattenValidationErrors(validateSync(dto));
  if (values.useCase === '') problems.push({ field: 'need.useCases', messages: ['required'] });
  if (problems.length === 0) return { dto, values };
  const errors: Partial<Record<keyof EmbedNeedValues, string>> = {};
  for (const p of problems) {
    const known = MESSAGES[p.field] ?? MESSAGES[p.field.replace(/\[\d+\]$/, '')];
    const [field, message] = known ?? ['title', 'Un champ est invalide.'];
    errors[field] ??= message;
  }
  return { errors, values };
}
