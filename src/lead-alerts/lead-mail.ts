import type { LeadDto } from '../matches/dto/match.dto.js';
import type { ExplainedCriterion } from '../matches/scoring/ranking.js';
import { referenceData } from '../reference/data/reference-data.js';
import { BUYER_TYPE_LABELS, type BuyerType } from '../reference/organisation-kinds.js';

/** One lead as an e-mail tells it: the anonymised need, the offering, why it fits, where to answer. */
export interface LeadForMail {
  need: LeadDto['need'];
  offeringTitle: string;
  criteria: readonly ExplainedCriterion[];
  /** Absolute link to the lead's page (answer "intéressé" / "pas intéressé" there). */
  link: string;
}

export interface LeadMailLinks {
  /** One-click unsubscribe (RFC 8058): a POST to it turns lead alerts off, no login. */
  unsubscribe: string;
  /** The notification settings page. */
  settings: string;
}

export interface LeadMail {
  subject: string;
  text: string;
  headers: Record<string, string>;
}

const euro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

/** The reasons worth reading: the criteria that add most to the total, best first. */
export function topReasons(criteria: readonly ExplainedCriterion[], count = 3): string[] {
  return [...criteria]
    .filter((c) => c.contribution > 0 && c.reason)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, count)
    .map((c) => c.reason);
}

function budget(need: LeadDto['need']): string | null {
  const { minBudgetEur: min, maxBudgetEur: max } = need;
  if (min !== null && max !== null) return `${euro.format(min)} à ${euro.format(max)}`;
  if (max !== null) return `jusqu'à ${euro.format(max)}`;
  if (min !== null) return `à partir de ${euro.format(min)}`;
  return null;
}

let labels: Map<string, string> | undefined;

/** Built once: a digest run renders thousands of leads. */
function useCaseLabels(codes: readonly string[]): string {
  labels ??= new Map<string, string>(referenceData().useCases.map((u) => [u.code, u.label]));
  return codes.map((c) => labels?.get(c) ?? c).join(', ');
}

const excerpt = (text: string | null, max = 280): string | null =>
  !text ? null : text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;

/** The need in a few lines, with nothing that names the buyer. */
export function leadBlock(lead: LeadForMail): string {
  const n = lead.need;
  const range = budget(n);
  const facts = [
    n.buyerType ? `Acheteur : ${BUYER_TYPE_LABELS[n.buyerType as BuyerType] ?? n.buyerType}` : null,
    n.departementName ? `Lieu : ${n.departementName} (${n.departementCode})` : null,
    n.useCases.length ? `Usages : ${useCaseLabels(n.useCases)}` : null,
    range ? `Budget : ${range}` : null,
    n.desiredStart ? `Début souhaité : ${day.format(new Date(n.desiredStart))}` : null,
  ].filter((line): line is string => line !== null);
  const reasons = topReasons(lead.criteria);
  return [
    `« ${n.title} »`,
    excerpt(n.description),
    facts.map((f) => `  · ${f}`).join('\n'),
    `Votre offre concernée : ${lead.offeringTitle}`,
    reasons.length ? `Pourquoi ce besoin vous correspond :\n${reasons.map((r) => `  – ${r}`).join('\n')}` : null,
    `Intéressé ou pas ? Répondez en un clic : ${lead.link}`,
  ]
    .filter((part): part is string => !!part)
    .join('\n');
}

const footer = (links: LeadMailLinks): string =>
  '\n\n—\nCircuit IA · Maison de l’IA\n' +
  'Vous recevez ce message parce que votre organisation propose une offre qui correspond à ce besoin. ' +
  'L’acheteur ne vous est présenté qu’après une mise en relation acceptée.\n' +
  `Choisir la fréquence de ces alertes : ${links.settings}\n` +
  `Ne plus recevoir ces alertes : ${links.unsubscribe}`;

/** List-Unsubscribe with its one-click POST (RFC 2369, RFC 8058): mail clients show "Se désabonner". */
const listHeaders = (links: LeadMailLinks): Record<string, string> => ({
  'List-Unsubscribe': `<${links.unsubscribe}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export function instantLeadMail(recipientName: string, lead: LeadForMail, links: LeadMailLinks): LeadMail {
  return {
    subject: `Nouveau besoin pour votre offre : ${lead.need.title}`,
    text: `Bonjour ${recipientName},\n\nUn besoin publié sur Circuit IA correspond à votre offre.\n\n${leadBlock(lead)}${footer(links)}`,
    headers: listHeaders(links),
  };
}

export function digestLeadMail(
  recipientName: string,
  period: 'daily' | 'weekly',
  leads: readonly LeadForMail[],
  links: LeadMailLinks,
): LeadMail {
  const when = period === 'daily' ? 'du jour' : 'de la semaine';
  const count = leads.length === 1 ? '1 nouveau besoin' : `${leads.length} nouveaux besoins`;
  return {
    subject: `${count} pour vos offres (résumé ${when})`,
    text:
      `Bonjour ${recipientName},\n\n${count} publié${leads.length === 1 ? '' : 's'} sur Circuit IA ${leads.length === 1 ? 'correspond' : 'correspondent'} à vos offres.\n\n` +
      leads.map((lead, i) => `${i + 1}. ${leadBlock(lead)}`).join('\n\n') +
      footer(links),
    headers: listHeaders(links),
  };
}
