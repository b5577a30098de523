import { webhookUrlMessage } from './partner.labels.js';

describe('webhookUrlMessage: the SSRF screening’s reasons in French', () => {
  it('names the host, the address and what kind of address it is', () => {
    expect(
      webhookUrlMessage(
        "url's host crm.example.fr resolves to 10.0.0.5, a private (RFC 1918) address: webhooks must reach a public address",
      ),
    ).toBe(
      "L'hôte crm.example.fr correspond à l'adresse 10.0.0.5, une adresse privée (réseau interne) : le webhook doit joindre une adresse publique sur Internet.",
    );
    expect(webhookUrlMessage("url's host x resolves to 169.254.169.254, a link-local (cloud metadata) address: …")).toContain(
      'de lien local (métadonnées du cloud)',
    );
  });

  it('says https, credentials and unknown hosts plainly, and never drops an unknown reason', () => {
    expect(webhookUrlMessage('url must use https')).toBe("L'adresse doit commencer par https://.");
    expect(webhookUrlMessage("url's host a.invalid cannot be resolved")).toBe(
      "Le nom a.invalid est introuvable (DNS) : vérifiez l'adresse.",
    );
    expect(webhookUrlMessage('something new')).toBe('Adresse refusée (something new).');
  });
});
