import { deliveryOutcome } from './partner.labels.js';

describe('deliveryOutcome: a webhook delivery in the console’s words', () => {
  it.each([
    [202, null, 'Reçu'],
    [500, 'HTTP 500', 'Refusé par votre serveur (réponse 500)'],
    [404, 'HTTP 404', 'Refusé par votre serveur (réponse 404)'],
    [null, 'connect ECONNREFUSED 203.0.113.7:443', 'Connexion refusée par votre serveur'],
    [null, 'getaddrinfo ENOTFOUND hooks.example.fr', 'Adresse introuvable : le nom de domaine ne répond pas'],
    [null, 'The operation was aborted due to timeout', 'Pas de réponse de votre serveur dans le délai'],
    [null, 'socket hang up', 'Connexion coupée par votre serveur'],
    [null, 'read ECONNRESET', 'Connexion coupée par votre serveur'],
    [null, 'connect EHOSTUNREACH 203.0.113.7:443', 'Votre serveur est injoignable'],
    [null, 'certificate has expired', 'Certificat HTTPS de votre serveur refusé (expiré, auto-signé ou pour un autre nom)'],
    [null, 'self-signed certificate', 'Certificat HTTPS de votre serveur refusé (expiré, auto-signé ou pour un autre nom)'],
    [
      null,
      "Hostname/IP does not match certificate's altnames",
      'Certificat HTTPS de votre serveur refusé (expiré, auto-signé ou pour un autre nom)',
    ],
    [
      null,
      "refused: url's host hooks.example.fr resolves to 10.0.0.5, a private (RFC 1918) address: webhooks must reach a public address",
      "L'hôte hooks.example.fr correspond à l'adresse 10.0.0.5, une adresse privée (réseau interne) : le webhook doit joindre une adresse publique sur Internet.",
    ],
    [null, "refused: url's host nowhere.example cannot be resolved", "Le nom nowhere.example est introuvable (DNS) : vérifiez l'adresse."],
    [null, 'refused: url must use https', "L'adresse doit commencer par https://."],
    [null, 'something nobody foresaw', "Échec de l'envoi"],
    [null, null, "Échec de l'envoi"],
  ])('status %p, error %p → %p', (httpStatus, error, expected) => {
    expect(deliveryOutcome({ httpStatus: httpStatus as number | null, error: error as string | null })).toBe(expected);
  });

  it('never shows a raw code or address', () => {
    for (const error of ['connect ECONNREFUSED 203.0.113.7:443', 'getaddrinfo ENOTFOUND x.fr', 'read ECONNRESET', 'weird EPROTO 1.2.3.4']) {
      expect(deliveryOutcome({ httpStatus: null, error })).not.toMatch(/E[A-Z]{3,}|\d+\.\d+\.\d+\.\d+/);
    }
  });
});
