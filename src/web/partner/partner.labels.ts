import type { ApiKeyScope } from '../../partners/partner-vocabulary.js';
import { SCREENING_REFUSED } from '../../partners/webhook-target.js';

/** What each key scope lets the partner's tools do, in the partner's words. */
export const SCOPE_LABELS: Readonly<Record<ApiKeyScope, string>> = {
  'needs:write': 'Déposer des besoins et importer des diagnostics',
  'needs:read': 'Suivre les besoins apportés et recevoir le webhook',
};

/** The SSRF screening's reasons (webhook-address.ts), in plain French. */
const ADDRESS_KINDS: Readonly<Record<string, string>> = {
  unspecified: 'non spécifiée',
  loopback: 'locale (cette machine)',
  'private (RFC 1918)': 'privée (réseau interne)',
  'shared (CGNAT)': "partagée d'opérateur (CGNAT)",
  'link-local (cloud metadata)': 'de lien local (métadonnées du cloud)',
  'link-local': 'de lien local',
  reserved: 'réservée',
  multicast: 'de multidiffusion',
  'unique-local': 'locale unique (réseau interne)',
  NAT64: 'de traduction NAT64',
  '6to4': 'de tunnel 6to4',
  broadcast: 'de diffusion',
};

/** Why a webhook address was refused (the API's screening message), said in French to the partner-admin. */
export function webhookUrlMessage(message: string): string {
  const resolves = /^url's host (\S+) resolves to ([^,]+), an? (.+?) address:/.exec(message);
  if (resolves) {
    const kind = ADDRESS_KINDS[resolves[3]] ?? resolves[3];
    return `L'hôte ${resolves[1]} correspond à l'adresse ${resolves[2]}, une adresse ${kind} : le webhook doit joindre une adresse publique sur Internet.`;
  }
  const unresolved = /^url's host (.+) cannot be resolved/.exec(message);
  if (unresolved) return `Le nom ${unresolved[1]} est introuvable (DNS) : vérifiez l'adresse.`;
  if (message === 'url must use https') return "L'adresse doit commencer par https://.";
  if (message === 'url must not carry a user name or password') return "L'adresse ne doit contenir ni nom d'utilisateur ni mot de passe.";
  if (message === 'url is not a valid URL' || message === 'url has no host') return "Ce n'est pas une adresse web valide (https://…).";
  return `Adresse refusée (${message}).`;
}

/**
 * What became of one webhook delivery, in the words of the partner's console: the API keeps the
 * technical error for developers (`error`), the page says what happened and what to look at.
 */
export function deliveryOutcome(delivery: { httpStatus: number | null; error: string | null }): string {
  const { httpStatus, error } = delivery;
  if (httpStatus !== null && httpStatus >= 200 && httpStatus < 300) return 'Reçu';
  if (httpStatus !== null) return `Refusé par votre serveur (réponse ${httpStatus})`;
  const e = (error ?? '').toLowerCase();
  // Refused by the screening at delivery time: its reason, said as when the address is set.
  if (error?.startsWith(SCREENING_REFUSED)) return webhookUrlMessage(error.slice(SCREENING_REFUSED.length));
  if (e.includes('timeout') || e.includes('aborted')) return 'Pas de réponse de votre serveur dans le délai';
  if (e.includes('enotfound') || e.includes('eai_again')) return 'Adresse introuvable : le nom de domaine ne répond pas';
  if (e.includes('econnrefused')) return 'Connexion refusée par votre serveur';
  if (e.includes('econnreset') || e.includes('socket hang up') || e.includes('epipe')) return 'Connexion coupée par votre serveur';
  if (e.includes('ehostunreach') || e.includes('enetunreach')) return 'Votre serveur est injoignable';
  if (e.includes('certificate') || e.includes('cert_') || e.includes('ssl') || e.includes('tls') || e.includes('altnames'))
    return 'Certificat HTTPS de votre serveur refusé (expiré, auto-signé ou pour un autre nom)';
  return "Échec de l'envoi";
}
