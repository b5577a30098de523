import { MarkMeetingDto, RegisterForEventDto, SetWishesDto } from '../../meetings/dto/event-registration.dto.js';
import { asForm, communeCode, integer, list, parseWith, text, type Parsed } from '../shared/form-input.js';

/* The business-meetings forms (issue 19): registration, wishes, and the curator's check-in. */

/** The registration form's choice for "a new need, created as a draft". */
export const NEW_NEED = 'nouveau';

export const REGISTRATION_LABELS: Readonly<Record<string, string>> = {
  needId: 'Besoin',
  title: 'Titre du besoin',
  description: 'Description du besoin',
  communeCode: 'Commune du besoin',
  useCase: "Cas d'usage",
  offeringIds: 'Offres',
  availableSlots: 'Créneaux',
  maxMeetings: 'Nombre de rendez-vous au plus',
};

const slotNumber = (v: string): number | string => (/^\d{1,3}$/.test(v) ? Number(v) : v);

/** A buyer brings a published need or a new draft; a vendor its offerings; both their slots. */
export function parseRegistration(body: unknown, role: 'buyer' | 'vendor'): Promise<Parsed<RegisterForEventDto>> {
  const form = asForm(body);
  const values = {
    needId: text(form, 'needId'),
    title: text(form, 'title'),
    description: text(form, 'description'),
    communeCode: text(form, 'communeCode'),
    useCase: text(form, 'useCase'),
    offeringIds: list(form, 'offeringIds'),
    availableSlots: list(form, 'availableSlots'),
    maxMeetings: text(form, 'maxMeetings'),
  };
  const common = { availableSlots: values.availableSlots.map(slotNumber), maxMeetings: integer(form, 'maxMeetings') };
  const plain =
    role === 'vendor'
      ? { ...common, offeringIds: values.offeringIds }
      : values.needId === NEW_NEED
        ? {
            ...common,
            draftNeed: {
              title: values.title ?? '',
              description: values.description ?? '',
              communeCode: communeCode(form, 'communeCode') ?? '',
              useCases: values.useCase ? [values.useCase] : [],
            },
          }
        : { ...common, needId: values.needId ?? '' };
  return parseWith(RegisterForEventDto, plain, values, (errors) => {
    const placed: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(errors)) {
      const field = key.replace(/^draftNeed\./, '').replace(/^useCases.*/, 'useCase');
      placed[field] = [...(placed[field] ?? []), ...messages];
    }
    // Nothing chosen is asked for, rather than reported as an invalid value.
    if (placed.needId && !values.needId) placed.needId = ['Choisissez un besoin, ou créez-en un.'];
    if (placed.offeringIds && values.offeringIds.length === 0) placed.offeringIds = ['Choisissez au moins une offre.'];
    if (placed.availableSlots && values.availableSlots.length === 0) placed.availableSlots = ['Cochez au moins un créneau.'];
    if (placed.useCase && !values.useCase) placed.useCase = ["Choisissez un cas d'usage."];
    return placed;
  });
}

export const parseWishes = (body: unknown): Promise<Parsed<SetWishesDto>> => {
  const attendeeIds = list(asForm(body), 'attendeeIds');
  return parseWith(SetWishesDto, { attendeeIds }, { attendeeIds });
};

export const parseCheckIn = (body: unknown): Promise<Parsed<MarkMeetingDto>> => {
  const outcome = text(asForm(body), 'outcome');
  return parseWith(MarkMeetingDto, { outcome: outcome ?? '' }, { outcome });
};
