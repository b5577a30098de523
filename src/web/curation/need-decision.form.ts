import { CreateIntroductionDto } from '../../introductions/dto/introduction-input.dto.js';
import { CloseNeedDto, PublishNeedDto, RejectNeedDto, RequestNeedChangesDto } from '../../needs/dto/need-actions.dto.js';
import type { NeedDto } from '../../needs/dto/need.dto.js';
import { asForm, integer, list, parseWith, text, type Parsed } from '../shared/form-input.js';

/* The curator's forms on a need's file: publish, ask for changes, reject, close, propose an introduction. */

export const NEED_FORM_LABELS: Readonly<Record<string, string>> = {
  message: "Message à l'acheteur",
  reason: 'Motif du refus',
  useCases: "Cas d'usage",
  sector: "Secteur d'activité (code NAF)",
  outcome: 'Issue',
  offeringId: 'Offre',
  version: 'Version',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
const typed = (body: unknown) => {
  const form = asForm(body);
  return { form, values: { ...form, _csrf: undefined } };
};

/** A correction is sent only when the curator changed the classification: publishing as is keeps the buyer's. */
export function parsePublish(body: unknown, need: NeedDto): Promise<Parsed<PublishNeedDto>> {
  const { form, values } = typed(body);
  const correcting = text(form, 'classification') === 'corriger';
  const useCases = list(form, 'useCases');
  const sector = text(form, 'sector')?.toUpperCase();
  const plain = {
    version: integer(form, 'version'),
    useCases: correcting && !sameSet(useCases, need.useCases) ? useCases : undefined,
    sector: correcting && sector !== (need.sector ?? undefined) ? sector : undefined,
  };
  return parseWith(PublishNeedDto, plain, values);
}

export function parseRequestChanges(body: unknown): Promise<Parsed<RequestNeedChangesDto>> {
  const { form, values } = typed(body);
  return parseWith(RequestNeedChangesDto, { version: integer(form, 'version'), message: text(form, 'message') }, values);
}

export function parseReject(body: unknown): Promise<Parsed<RejectNeedDto>> {
  const { form, values } = typed(body);
  return parseWith(RejectNeedDto, { version: integer(form, 'version'), reason: text(form, 'reason') }, values);
}

export function parseCloseByCurator(body: unknown): Promise<Parsed<CloseNeedDto>> {
  const { form, values } = typed(body);
  return parseWith(CloseNeedDto, { version: integer(form, 'version'), outcome: text(form, 'outcome') }, values);
}

/** What the curator typed in a match's proposal; `offeringToName` is set when a default message must name the offering. */
export function proposalFields(body: unknown): { offeringId?: string; message?: string; offeringToName?: string } {
  const form = asForm(body);
  const offeringId = text(form, 'offeringId');
  const message = text(form, 'message');
  return { offeringId, message, offeringToName: !message && offeringId && UUID.test(offeringId) ? offeringId : undefined };
}

/** The proposal, with the curator's message or a sober default naming the need and the offering. */
export function parseProposal(
  needId: string,
  fields: { offeringId?: string; message?: string },
  needTitle: string,
  offeringTitle?: string,
): Promise<Parsed<CreateIntroductionDto>> {
  const message = fields.message ?? defaultIntroductionMessage(needTitle, offeringTitle);
  return parseWith(
    CreateIntroductionDto,
    { needId, offeringId: fields.offeringId, message },
    { offeringId: fields.offeringId, message: fields.message },
  );
}

export function defaultIntroductionMessage(needTitle: string, offeringTitle: string | undefined): string {
  const offering = offeringTitle ? `l'offre « ${offeringTitle.slice(0, 200)} »` : 'cette offre';
  return `Bonjour, l'équipe de la Maison de l'IA vous propose un premier échange : ${offering} répond au besoin « ${needTitle} ». Chacun peut accepter ou décliner ; les coordonnées ne sont partagées qu'après les deux accords.`;
}
