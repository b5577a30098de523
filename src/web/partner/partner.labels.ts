import type { ApiKeyScope } from '../../partners/partner-vocabulary.js';

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
