import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server answering `GET /search?q=<siren>` with bodies of the documented shape of the
 * API Recherche d'entreprises (results[], total_results, page, per_page, total_pages; each result
 * with siren, nom_complet, activite_principale, etat_administratif and a siege establishment).
 */
export interface RegistryEntry {
  siren: string;
  name: string;
  naf: string;
  commune: string;
  communeName: string;
  state?: 'A' | 'C';
}

export interface FakeCompanyRegistry {
  url: string;
  /** SIRENs looked up, in order. */
  queries: string[];
  add(entry: RegistryEntry): void;
  /** SIRENs answered with HTTP 500, and SIRENs never answered (to exercise the timeout). */
  failing: Set<string>;
  hanging: Set<string>;
  close(): Promise<void>;
}

const result = (e: RegistryEntry) => ({
  siren: e.siren,
  nom_complet: e.name,
  nom_raison_sociale: e.name.toUpperCase(),
  sigle: null,
  nombre_etablissements: 1,
  nombre_etablissements_ouverts: e.state === 'C' ? 0 : 1,
  date_creation: '2019-03-01',
  date_fermeture: e.state === 'C' ? '2024-06-30' : null,
  etat_administratif: e.state ?? 'A',
  nature_juridique: '5710',
  activite_principale: e.naf,
  section_activite_principale: 'J',
  categorie_entreprise: 'PME',
  tranche_effectif_salarie: '11',
  siege: {
    siret: `${e.siren}00017`,
    est_siege: true,
    activite_principale: e.naf,
    adresse: `12 RUE DE LA REPUBLIQUE ${e.communeName.toUpperCase()}`,
    code_postal: '06000',
    commune: e.commune,
    libelle_commune: e.communeName.toUpperCase(),
    departement: e.commune.slice(0, 2),
    etat_administratif: e.state === 'C' ? 'F' : 'A',
  },
  matching_etablissements: [],
});

export async function startFakeCompanyRegistry(): Promise<FakeCompanyRegistry> {
  const entries = new Map<string, RegistryEntry>();
  const queries: string[] = [];
  const failing = new Set<string>();
  const hanging = new Set<string>();
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const q = url.searchParams.get('q') ?? '';
    if (url.pathname !== '/search') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"erreur":"Not found"}');
    queries.push(q);
    if (hanging.has(q)) return void open.add(res);
    if (failing.has(q)) return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
    const found = entries.get(q);
    const body = { results: found ? [result(found)] : [], total_results: found ? 1 : 0, page: 1, per_page: 5, total_pages: found ? 1 : 0 };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    queries,
    failing,
    hanging,
    add: (entry) => void entries.set(entry.siren, entry),
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
