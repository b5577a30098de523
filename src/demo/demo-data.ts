import { prng } from '../common/prng.js';
import { luhnOk } from '../reference/validation/siren.js';
/**
 * The demo data set: deterministic (a seeded PRNG), realistic around Alpes-Maritimes and PACA with
 * national vendors in the large cities. Plain data only; `demo-seeder.ts` loads it through the
 * real services, so scores, claims, audit and outbox events are what production would write.
 */

/** Marker: the demo curator's e-mail. Its presence means the demo data is already loaded. */
export const DEMO_CURATOR_EMAIL = 'curatrice@demo.circuit-ia.fr';
export const DEMO_ADMIN_EMAIL = 'admin@demo.circuit-ia.fr';
/** Every demo account shares it; printed at the end of the seed. Demo only. */
export const DEMO_PASSWORD = 'Demo-Circuit-IA-2026!';

/** A SIREN passing the Luhn check, from an 8-digit body. */
export function luhnSiren(body: number): string {
  const digits = String(body).padStart(8, '0');
  for (let check = 0; check <= 9; check++) if (luhnOk(`${digits}${check}`)) return `${digits}${check}`;
  throw new Error('unreachable');
}

/** SIRET = SIREN + a 5-digit establishment number (NIC) with the Luhn check over 14 digits. */
export function luhnSiret(siren: string, nic: number): string {
  const base = `${siren}${String(nic).padStart(4, '0')}`;
  for (let check = 0; check <= 9; check++) if (luhnOk(`${base}${check}`)) return `${base}${check}`;
  throw new Error('unreachable');
}

const LOCAL_COMMUNES = ['06088', '06152', '06152', '06004', '06029', '06069', '06088', '06152', '13055', '83137', '13001'];
const NATIONAL_COMMUNES = ['75056', '69123', '31555', '44109', '59350'];
const REGION_OF: Record<string, string> = {
  '06': '93',
  '13': '93',
  '83': '93',
  '75': '11',
  '69': '84',
  '31': '76',
  '44': '52',
  '59': '32',
};

const PREFIXES = [
  'Azur',
  'Riviera',
  'Sophia',
  'Estérel',
  'Mercantour',
  'Lérins',
  'Paillon',
  'Calanques',
  'Sainte-Victoire',
  'Garonne',
  'Lumière',
  'Loire',
  'Seine',
  'Flandre',
  'Mistral',
  'Baous',
  'Var',
  'Cians',
  'Vésubie',
  'Antibes',
];
const SUFFIXES = ['IA', 'Data', 'Labs', 'Analytics', 'Intelligence', 'Numérique'];

interface UseCaseText {
  titles: string[];
  summary: string;
  description: string;
  sectors: string[];
}

/** Offering texts per use case, in the words vendors use. */
export const TEXTS: Record<string, UseCaseText> = {
  CUSTOMER_SERVICE_CHATBOT: {
    titles: [
      'Agent conversationnel pour l’accueil des usagers',
      'Callbot de prise de rendez-vous',
      'Chatbot multicanal pour la relation client',
    ],
    summary: 'Répond 24 h/24 aux questions fréquentes et oriente vers le bon service.',
    description: 'Base de connaissances alimentée par vos documents, transfert vers un agent, tableaux de bord des demandes.',
    sectors: ['84', '47', '55'],
  },
  DOC_PROCESSING: {
    titles: ['Lecture automatique des factures', 'Tri et routage du courrier entrant', 'Extraction des données de formulaires'],
    summary: 'OCR, extraction des champs et classement automatique des documents.',
    description: 'Factures, courriers, dossiers : lecture, contrôle de cohérence et export vers vos logiciels métiers.',
    sectors: [],
  },
  KNOWLEDGE_ASSISTANT_RAG: {
    titles: [
      'Assistant documentaire souverain',
      'Moteur de questions-réponses sur vos documents internes',
      'Veille réglementaire augmentée',
    ],
    summary: 'Un assistant qui répond en citant vos documents internes.',
    description: 'Indexation des délibérations, procédures et contrats ; réponses sourcées, droits d’accès respectés.',
    sectors: ['84', '69'],
  },
  MEETING_WRITING_ASSIST: {
    titles: ['Comptes rendus de réunion automatiques', 'Aide à la rédaction des délibérations'],
    summary: 'Transcrit, résume et met en forme vos réunions et conseils.',
    description: 'Enregistrement, transcription, synthèse et relevé de décisions prêts à relire.',
    sectors: ['84'],
  },
  SALES_FORECAST: {
    titles: ['Prévision des ventes pour le commerce', 'Prévision de fréquentation des cantines'],
    summary: 'Anticipe la demande pour réduire ruptures et gaspillage.',
    description: 'Modèles de séries temporelles sur vos historiques, météo et calendrier scolaire.',
    sectors: ['47', '56', '10'],
  },
  PREDICTIVE_MAINTENANCE: {
    titles: ['Maintenance prédictive industrielle', 'Détection d’anomalies sur capteurs'],
    summary: 'Prévoit les pannes de vos machines à partir des capteurs.',
    description: 'Collecte IoT, détection d’anomalies, alertes et planification des interventions.',
    sectors: ['C', '35', '36'],
  },
  VISION_QUALITY_CONTROL: {
    titles: ['Contrôle qualité par vision', 'Détection de défauts sur ligne de production'],
    summary: 'Caméras et modèle entraîné sur vos pièces pour détecter les défauts.',
    description: 'Inspection visuelle automatisée, déployable sur site, sans envoi d’images hors de l’usine.',
    sectors: ['C', '10', '20'],
  },
  ENERGY_ENVIRONMENT: {
    titles: [
      'Détection de fuites sur réseau d’eau',
      'Pilotage énergétique des bâtiments publics',
      'Optimisation de la collecte des déchets',
    ],
    summary: 'Réduit les pertes d’eau et les consommations d’énergie.',
    description: 'Analyse des compteurs et capteurs, alertes de fuite, plans d’action priorisés.',
    sectors: ['84', '36', '38'],
  },
  TRANSLATION_SPEECH: {
    titles: ['Traduction multilingue pour l’accueil', 'Sous-titrage et transcription automatiques'],
    summary: 'Traduit et transcrit pour rendre vos services accessibles.',
    description: 'Traduction de documents et de conversations, sous-titres des vidéos, transcription des appels.',
    sectors: [],
  },
  MOBILITY_URBAN: {
    titles: ['Analyse du stationnement et du trafic', 'Analyse automatique des documents d’urbanisme'],
    summary: 'Données territoriales au service de la voirie et de l’urbanisme.',
    description: 'Comptages, occupation du stationnement, pré-instruction des autorisations d’urbanisme.',
    sectors: ['84'],
  },
  HR_RECRUITMENT: {
    titles: ['Planification des équipes', 'Parcours de formation personnalisés'],
    summary: 'Simplifie la planification et la formation des agents et salariés.',
    description: 'Plannings sous contraintes, recommandations de formation, sans décision automatisée sur les personnes.',
    sectors: [],
  },
  CYBERSECURITY: {
    titles: ['Détection d’intrusions par apprentissage', 'Filtrage du hameçonnage'],
    summary: 'Détecte les comportements anormaux sur votre réseau.',
    description: 'Sondes, corrélation, alertes qualifiées et réponse accompagnée.',
    sectors: [],
  },
  AGRI_FOOD: {
    titles: ['Prévision des rendements agricoles', 'Tri optique des fruits et légumes'],
    summary: 'L’IA au champ et à l’atelier de conditionnement.',
    description: 'Images satellites, météo et capteurs pour prévoir et trier.',
    sectors: ['01', '10'],
  },
  FINANCE_ACCOUNTING: {
    titles: ['Automatisation de la saisie comptable', 'Prévision de trésorerie'],
    summary: 'Moins de saisie, une trésorerie anticipée.',
    description: 'Rapprochements bancaires, catégorisation des dépenses, détection d’anomalies.',
    sectors: [],
  },
};
const USE_CASES = Object.keys(TEXTS);

type Profile = Record<string, Record<string, unknown>>;

/** Five sovereignty profiles, from a SecNumCloud-qualified French stack (A) to a US API (E). */
export const PROFILES: Profile[] = [
  {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
    hosting: {
      deploymentModes: ['SAAS_DEDICATED', 'PRIVATE_CLOUD', 'ON_PREMISE'],
      dataResidency: 'FR',
      providerName: 'OVHcloud',
      providerJurisdiction: 'FR',
      nonEuRemoteAccess: false,
    },
    certifications: { secNumCloud: 'OFFERING', hds: true, iso27001: true, iso42001: false, labels: ['EXPERTCYBER'] },
    ai: {
      usesMl: true,
      modelOrigin: 'FR',
      modelNames: ['Mistral Small'],
      modelLicence: 'OSI_OPEN_SOURCE',
      inferenceHosting: 'CUSTOMER_HOSTED',
      trainingOnCustomerData: 'NEVER',
      aiActRole: 'PROVIDER',
      aiActRiskClass: 'MINIMAL',
      gpaiBased: true,
    },
    gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'NONE', dpiaSupport: true },
    reversibility: { dataExportOpenFormat: true, exitClause: true },
  },
  {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
    hosting: {
      deploymentModes: ['SAAS_SHARED', 'PRIVATE_CLOUD'],
      dataResidency: 'FR',
      providerName: 'Scaleway',
      providerJurisdiction: 'FR',
      nonEuRemoteAccess: false,
    },
    certifications: { secNumCloud: 'NONE', hds: false, iso27001: false, iso42001: false, labels: [] },
    ai: {
      usesMl: true,
      modelOrigin: 'US',
      modelNames: ['Llama 3 fine-tune'],
      modelLicence: 'OPEN_WEIGHT_RESTRICTED',
      inferenceHosting: 'VENDOR_HOSTED_EU',
      trainingOnCustomerData: 'OPT_IN',
      aiActRole: 'PROVIDER',
      aiActRiskClass: 'MINIMAL',
      gpaiBased: true,
    },
    gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'ADEQUACY', dpiaSupport: true },
    reversibility: { dataExportOpenFormat: true, exitClause: true },
  },
  {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
    hosting: {
      deploymentModes: ['SAAS_SHARED'],
      dataResidency: 'EU_EEA',
      providerName: 'Hetzner',
      providerJurisdiction: 'EU_EEA',
      nonEuRemoteAccess: false,
    },
    certifications: { secNumCloud: 'NONE', hds: false, iso27001: false, iso42001: false, labels: [] },
    ai: {
      usesMl: true,
      modelOrigin: 'US',
      modelNames: ['GPT-4o via Azure EU'],
      modelLicence: 'PROPRIETARY',
      inferenceHosting: 'THIRD_PARTY_API_EU',
      trainingOnCustomerData: 'OPT_OUT',
      aiActRole: 'INTEGRATOR',
      aiActRiskClass: 'TRANSPARENCY',
      gpaiBased: true,
    },
    gdpr: { dpaArt28: true, subprocessorsPublic: false, nonEuTransfers: 'SCC', dpiaSupport: false },
    reversibility: { dataExportOpenFormat: true, exitClause: false },
  },
  {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'MINORITY', extraterritorialExposure: 'UNKNOWN' },
    hosting: {
      deploymentModes: ['SAAS_SHARED'],
      dataResidency: 'EU_EEA',
      providerName: 'AWS eu-west-3',
      providerJurisdiction: 'US',
      nonEuRemoteAccess: true,
    },
    certifications: { secNumCloud: 'NONE', hds: false, iso27001: false, iso42001: false, labels: [] },
    ai: {
      usesMl: true,
      modelOrigin: 'US',
      modelNames: ['Claude via API'],
      modelLicence: 'PROPRIETARY',
      inferenceHosting: 'THIRD_PARTY_API_NON_EU',
      trainingOnCustomerData: 'OPT_OUT',
      aiActRole: 'INTEGRATOR',
      aiActRiskClass: 'MINIMAL',
      gpaiBased: true,
    },
    gdpr: { dpaArt28: true, subprocessorsPublic: false, nonEuTransfers: 'SCC', dpiaSupport: false },
    reversibility: { dataExportOpenFormat: false, exitClause: false },
  },
  {
    vendor: { hqJurisdiction: 'US', nonEuControl: 'MAJORITY', extraterritorialExposure: 'YES' },
    hosting: {
      deploymentModes: ['SAAS_SHARED'],
      dataResidency: 'OTHER',
      providerName: 'AWS us-east-1',
      providerJurisdiction: 'US',
      nonEuRemoteAccess: true,
    },
    certifications: { secNumCloud: 'NONE', hds: false, iso27001: true, iso42001: false, labels: [] },
    ai: {
      usesMl: true,
      modelOrigin: 'US',
      modelNames: ['GPT-4o'],
      modelLicence: 'PROPRIETARY',
      inferenceHosting: 'THIRD_PARTY_API_NON_EU',
      trainingOnCustomerData: 'OPT_OUT',
      aiActRole: 'INTEGRATOR',
      aiActRiskClass: 'MINIMAL',
      gpaiBased: true,
    },
    gdpr: { dpaArt28: false, subprocessorsPublic: false, nonEuTransfers: 'UNKNOWN', dpiaSupport: false },
    reversibility: { dataExportOpenFormat: false, exitClause: false },
  },
];

export interface DemoOrganisation {
  name: string;
  siren: string;
  nafCode: string;
  communeCode: string;
  buyerType?: string;
  establishments?: { siret: string; communeCode: string }[];
}

export interface DemoVendor {
  email: string;
  displayName: string;
  organisation: DemoOrganisation;
  /** Public presentation, set by the vendor after registering (PATCH /vendors/:id). */
  description: string;
  /** False: registered recently, waiting for a curator; its offerings stay drafts (only verified vendors publish). */
  verified: boolean;
  offerings: Record<string, unknown>[];
}

/** Where a demo need is left: the path to it goes through the real transitions. */
export type DemoNeedStatus = 'draft' | 'submitted' | 'changes_requested' | 'rejected' | 'published';

export interface DemoNeed {
  body: Record<string, unknown>;
  status: DemoNeedStatus;
  /** The curator's message (changes requested) or reason (rejected). */
  curatorText?: string;
  /** Hours since the need reached its status; the seeder dates the earlier steps before it. */
  ageHours: number;
}

export interface DemoBuyer {
  email: string;
  displayName: string;
  organisation: DemoOrganisation;
  needs: DemoNeed[];
}

/**
 * Vendors registered in the last days, not verified yet: the curators' verification list. Each has
 * prepared one draft offering, which it may publish once verified.
 */
const NEWCOMERS: { name: string; communeCode: string }[] = [
  { name: 'Nissa Vision', communeCode: '06088' },
  { name: 'Lavande Données', communeCode: '13001' },
  { name: 'Estaque Robotique', communeCode: '13055' },
  { name: 'Tinée Analytique', communeCode: '06152' },
];

/** Evidence a vendor attaches to the claims its profile makes (demo references, one real public list). */
function evidenceFor(profile: Profile, slug: string, expired: boolean): Record<string, string>[] {
  const evidence: Record<string, string>[] = [];
  const { hosting, certifications, gdpr } = profile;
  if (hosting.dataResidency === 'FR' || hosting.dataResidency === 'EU_EEA') {
    evidence.push({
      claim: 'hosting.dataResidency',
      documentRef: `Contrat d’hébergement ${String(hosting.providerName)}, annexe 2 : localisation des données`,
    });
  }
  if (certifications.secNumCloud !== 'NONE') {
    evidence.push({
      claim: 'certifications.secNumCloud',
      url: 'https://cyber.gouv.fr/produits-services-qualifies',
      documentRef: 'Attestation de qualification SecNumCloud 3.2',
      validUntil: '2028-06-30',
    });
  }
  if (certifications.iso27001 === true) {
    evidence.push({
      claim: 'certifications.iso27001',
      documentRef: `Certificat ISO/IEC 27001 ${slug.toUpperCase()}-27001`,
      validUntil: expired ? '2025-11-30' : '2027-09-30',
    });
  }
  if (certifications.hds === true)
    evidence.push({
      claim: 'certifications.hds',
      documentRef: 'Certificat HDS, périmètre hébergeur d’infrastructure',
      validUntil: '2028-03-31',
    });
  if (gdpr.dpaArt28 === true)
    evidence.push({ claim: 'gdpr.dpaArt28', documentRef: 'Contrat de sous-traitance RGPD (article 28), version 2025-09' });
  return evidence;
}

/** Vendors whose first offering carries evidence for the curators to review (the oldest published, so first in their list). */
const WITH_EVIDENCE = 6;

export function demoVendors(count = 40): DemoVendor[] {
  const random = prng(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // Newcomers come after the verified vendors, so the random draws of the latter never change.
  return Array.from({ length: count + NEWCOMERS.length }, (_, i) => {
    const newcomer = i >= count ? NEWCOMERS[i - count] : undefined;
    const national = !newcomer && i % 5 === 4;
    const communeCode = newcomer
      ? newcomer.communeCode
      : national
        ? NATIONAL_COMMUNES[((i / 5) % NATIONAL_COMMUNES.length) | 0]
        : LOCAL_COMMUNES[i % LOCAL_COMMUNES.length];
    const departement = communeCode.slice(0, 2);
    const name = newcomer
      ? newcomer.name
      : `${PREFIXES[i % PREFIXES.length]} ${SUFFIXES[(i * 7) % SUFFIXES.length]}${i >= PREFIXES.length ? ' Conseil' : ''}`;
    const slug = name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '');
    const siren = luhnSiren(81000000 + i * 1379);
    // A few national vendors keep an office in Sophia Antipolis: proximity counts it once the demo curator confirms it.
    const establishments = national && i % 10 === 9 ? [{ siret: luhnSiret(siren, 21), communeCode: '06152' }] : undefined;
    // A newcomer has prepared one offering so far.
    const offerings = (newcomer ? [0] : [0, 1]).map((k) => {
      const useCase = USE_CASES[(i * 3 + k * 5) % USE_CASES.length];
      const second = random() < 0.3 ? [USE_CASES[(i + k + 1) % USE_CASES.length]] : [];
      const text = TEXTS[useCase];
      const grade = pick([0, 0, 1, 1, 1, 2, 2, 3, 4]);
      const min = pick([1000, 3000, 5000, 10000, 20000]);
      return {
        title: text.titles[(i + k) % text.titles.length],
        summary: text.summary,
        description: `${text.description} Proposé par ${name}.`,
        useCases: [useCase, ...second.filter((u) => u !== useCase)],
        sectors: random() < 0.4 ? [] : [pick(text.sectors.length ? text.sectors : ['84'])],
        serviceArea: national
          ? { national: true, regions: [], departements: [], remoteDelivery: true }
          : {
              national: false,
              regions: random() < 0.5 ? [REGION_OF[departement]] : [],
              departements: [departement],
              remoteDelivery: random() < 0.6,
            },
        pricing: {
          model: pick(['subscription', 'project', 'licence', 'per_use']),
          minBudgetEur: min,
          maxBudgetEur: min * pick([4, 8, 15]),
        },
        targetBuyerTypes: pick([
          ['collectivite'],
          ['pme', 'tpe'],
          ['pme', 'eti', 'collectivite'],
          ['tpe', 'pme', 'collectivite', 'association'],
        ]),
        references: { count: Math.floor(random() * 12), sectors: [] },
        sovereignty: PROFILES[grade],
        evidence: k === 0 && i < WITH_EVIDENCE ? evidenceFor(PROFILES[grade], slug, i === 4) : [],
      };
    });
    const titles = offerings.map((o) => String(o.title).charAt(0).toLowerCase() + String(o.title).slice(1));
    return {
      email: `contact+${i}@${slug}.demo.circuit-ia.fr`,
      displayName: `Équipe ${name}`,
      organisation: { name, siren, nafCode: '62.01Z', communeCode, ...(establishments ? { establishments } : {}) },
      description: `${name} conçoit et déploie des solutions d’intelligence artificielle : ${titles.join(' ; ')}.${national ? ' Interventions dans toute la France, à distance ou sur site.' : ' Équipe basée dans la région, interventions sur site.'}`,
      verified: !newcomer,
      offerings,
    };
  });
}

const BUYERS: { name: string; type: string; naf: string; commune: string }[] = [
  { name: 'Commune de Grasse (démo)', type: 'collectivite', naf: '84.11Z', commune: '06069' },
  { name: 'Ville d’Antibes (démo)', type: 'collectivite', naf: '84.11Z', commune: '06004' },
  { name: 'Métropole Nice Côte d’Azur (démo)', type: 'collectivite', naf: '84.11Z', commune: '06088' },
  { name: 'Communauté d’agglomération Sophia Antipolis (démo)', type: 'collectivite', naf: '84.11Z', commune: '06152' },
  { name: 'Ville de Cannes (démo)', type: 'collectivite', naf: '84.11Z', commune: '06029' },
  { name: 'Ville de Toulon (démo)', type: 'collectivite', naf: '84.11Z', commune: '83137' },
  { name: 'Boulangerie du Port (démo)', type: 'tpe', naf: '10.71C', commune: '06088' },
  { name: 'Parfumerie des Collines (démo)', type: 'pme', naf: '20.42Z', commune: '06069' },
  { name: 'Hôtel Croisette (démo)', type: 'pme', naf: '55.10Z', commune: '06029' },
  { name: 'Mécanique de Précision Azur (démo)', type: 'pme', naf: '25.62B', commune: '06152' },
  { name: 'Cabinet comptable Masséna (démo)', type: 'tpe', naf: '69.20Z', commune: '06088' },
  { name: 'Transports Provence (démo)', type: 'pme', naf: '49.41A', commune: '13055' },
  { name: 'Clinique vétérinaire d’Aix (démo)', type: 'tpe', naf: '75.00Z', commune: '13001' },
  { name: 'Régie des eaux du Var (démo)', type: 'collectivite', naf: '36.00Z', commune: '83137' },
  { name: 'Coopérative oléicole (démo)', type: 'tpe', naf: '10.41A', commune: '06069' },
  { name: 'Association Azur Solidarités (démo)', type: 'association', naf: '88.99B', commune: '06088' },
  { name: 'Librairie du Vieux-Nice (démo)', type: 'tpe', naf: '47.61Z', commune: '06088' },
  { name: 'Domaine viticole de Bellet (démo)', type: 'tpe', naf: '01.21Z', commune: '06088' },
  { name: 'Agence immobilière Juan-les-Pins (démo)', type: 'tpe', naf: '68.31Z', commune: '06004' },
  { name: 'Industrie Navale Toulonnaise (démo)', type: 'eti', naf: '30.11Z', commune: '83137' },
];

/**
 * Need titles per use case, as a collectivité (`public`) and as a company or an association
 * (`private`) would write them. No title or description names the buyer: vendors read both in
 * their anonymised leads and in an introduction before it is accepted.
 */
const NEED_TEXTS: Record<string, { public: string[]; private: string[] }> = {
  CUSTOMER_SERVICE_CHATBOT: {
    public: ['Répondre aux questions des usagers en dehors des heures d’ouverture', 'Orienter les appels de l’accueil vers le bon service'],
    private: [
      'Un assistant pour les réservations et questions des clients',
      'Répondre aux questions fréquentes des clients sur notre site',
    ],
  },
  DOC_PROCESSING: {
    public: ['Traiter automatiquement les factures fournisseurs', 'Trier le courrier entrant vers les bons services'],
    private: ['Traiter automatiquement les factures fournisseurs', 'Extraire les données des bons de commande'],
  },
  KNOWLEDGE_ASSISTANT_RAG: {
    public: ['Retrouver vite une information dans nos procédures internes', 'Un assistant sur nos délibérations et arrêtés'],
    private: ['Retrouver vite une information dans nos procédures internes', 'Un assistant sur nos fiches techniques et nos contrats'],
  },
  MEETING_WRITING_ASSIST: {
    public: ['Rédiger les comptes rendus des séances du conseil', 'Préparer les projets de délibération'],
    private: ['Rédiger les comptes rendus des réunions d’équipe', 'Synthétiser nos réunions de chantier'],
  },
  SALES_FORECAST: {
    public: ['Prévoir le nombre de repas servis à la cantine', 'Anticiper la fréquentation des équipements sportifs'],
    private: ['Prévoir les commandes pour réduire les invendus', 'Anticiper les ventes de la saison touristique'],
  },
  PREDICTIVE_MAINTENANCE: {
    public: ['Anticiper les pannes des véhicules des services techniques', 'Surveiller les pompes du réseau'],
    private: ['Anticiper les pannes de nos machines-outils', 'Surveiller nos groupes frigorifiques'],
  },
  VISION_QUALITY_CONTROL: {
    public: ['Repérer l’usure des chaussées à partir d’images', 'Contrôler l’état des aires de jeux à partir de photos'],
    private: ['Détecter les défauts sur nos pièces usinées', 'Contrôler l’aspect des flacons en sortie de ligne'],
  },
  ENERGY_ENVIRONMENT: {
    public: ['Détecter les fuites sur le réseau d’eau potable', 'Réduire la consommation énergétique des écoles'],
    private: ['Réduire la facture énergétique de l’atelier', 'Suivre les consommations d’eau et d’énergie du site'],
  },
  TRANSLATION_SPEECH: {
    public: ['Accueillir les visiteurs étrangers dans leur langue', 'Sous-titrer les vidéos des séances publiques'],
    private: ['Accueillir les clients étrangers dans leur langue', 'Traduire nos fiches produits pour l’export'],
  },
  MOBILITY_URBAN: {
    public: ['Mesurer l’occupation du stationnement en centre-ville', 'Pré-instruire les permis de construire'],
    private: ['Optimiser nos tournées de livraison en centre-ville', 'Mesurer la fréquentation piétonne devant nos points de vente'],
  },
  HR_RECRUITMENT: {
    public: ['Planifier les équipes des services techniques', 'Proposer des parcours de formation aux agents'],
    private: ['Planifier les équipes saisonnières', 'Proposer des parcours de formation aux salariés'],
  },
  CYBERSECURITY: {
    public: ['Détecter les intrusions sur notre réseau informatique', 'Filtrer les courriels d’hameçonnage'],
    private: ['Détecter les intrusions sur le réseau de l’entreprise', 'Filtrer les courriels d’hameçonnage'],
  },
  AGRI_FOOD: {
    public: ['Prévoir l’arrosage des espaces verts', 'Suivre l’état sanitaire des arbres d’alignement'],
    private: ['Prévoir la récolte des olives', 'Trier les fruits par qualité'],
  },
  FINANCE_ACCOUNTING: {
    public: ['Prévoir la trésorerie de la collectivité', 'Automatiser la saisie comptable'],
    private: ['Automatiser la saisie comptable', 'Prévoir la trésorerie de l’entreprise'],
  },
};

/** The buyer's situation in a sentence, by buyer type; never its name. */
const NEED_CONTEXTS: Record<string, string[]> = {
  collectivite: [
    'Nos services accueillent du public toute l’année et les agents manquent de temps pour les tâches répétitives.',
    'Le projet est porté par la direction du numérique, avec un service pilote volontaire.',
    'Les élus souhaitent un premier résultat visible avant la fin de l’année.',
  ],
  pme: [
    'Entreprise en croissance, nous voulons gagner du temps sans recruter de spécialiste des données.',
    'Nos équipes sont prêtes à tester une solution sur un périmètre limité.',
  ],
  eti: [
    'Plusieurs sites sont concernés ; nous commencerions par un seul avant de généraliser.',
    'Notre direction des systèmes d’information suivra le projet avec les métiers.',
  ],
  tpe: [
    'Petite équipe sans service informatique : la solution doit être simple à prendre en main.',
    'Petite structure, nous préférons un abonnement mensuel sans engagement long.',
  ],
  association: ['Association avec des salariés et des bénévoles : la solution doit rester simple et peu coûteuse.'],
};

const NEED_ASKS = [
  'Nous cherchons une solution simple à déployer, avec un accompagnement local si possible.',
  'Un pilote de quelques mois avant un déploiement plus large nous conviendrait.',
  'Une démonstration sur nos propres données serait appréciée avant de nous engager.',
];

const REQUIREMENT_SETS: string[][] = [
  [],
  [],
  ['GDPR_DPA'],
  ['DATA_IN_FRANCE', 'GDPR_DPA'],
  ['DATA_IN_EU', 'GDPR_DPA'],
  ['DATA_IN_FRANCE', 'NO_EXTRATERRITORIAL_EXPOSURE', 'GDPR_DPA'],
  ['NO_TRAINING_ON_CUSTOMER_DATA'],
];

/** Needs that a curator sent back or refused, by need number; the others follow `n % 10`. */
const CURATOR_ANSWERS: Record<number, { status: 'changes_requested' | 'rejected'; text: string; ageHours: number }> = {
  29: {
    status: 'changes_requested',
    text: 'Merci pour ce besoin. Précisez le périmètre (nombre de sites, compteurs déjà posés) et le budget annuel envisagé : les fournisseurs pourront alors vous répondre précisément.',
    ageHours: 4 * 24,
  },
  39: {
    status: 'rejected',
    text: 'Ce projet a déjà été attribué à l’issue de votre appel d’offres : une mise en relation n’apporterait rien maintenant. Revenez vers nous pour la phase suivante.',
    ageHours: 11 * 24,
  },
};

/** Hours the submitted needs have waited for a curator, oldest last: the queue shows different ages. */
const SUBMITTED_AGES = [5, 27, 3 * 24 + 2, 6 * 24, 9 * 24 + 6, 13 * 24];

export function demoBuyers(needCount = 60): DemoBuyer[] {
  const random = prng(1789);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const buyers: DemoBuyer[] = BUYERS.map((b, i) => ({
    email: `acheteur+${i}@demo.circuit-ia.fr`,
    displayName: `Référent IA ${i + 1}`,
    organisation: { name: b.name, siren: luhnSiren(92000000 + i * 2477), nafCode: b.naf, communeCode: b.commune, buyerType: b.type },
    needs: [],
  }));
  const useCases = Object.keys(NEED_TEXTS);
  for (let n = 0; n < needCount; n++) {
    const buyer = buyers[n % buyers.length];
    const buyerType = buyer.organisation.buyerType as string;
    const useCase = useCases[(n * 5 + Math.floor(n / 14)) % useCases.length];
    const titles = NEED_TEXTS[useCase][buyerType === 'collectivite' ? 'public' : 'private'];
    const title = titles[n % titles.length];
    const contexts = NEED_CONTEXTS[buyerType];
    const requirements = buyerType === 'collectivite' ? pick(REQUIREMENT_SETS.slice(2)) : pick(REQUIREMENT_SETS);
    const min = pick([2000, 5000, 10000, 20000]);
    const answer = CURATOR_ANSWERS[n];
    const status: DemoNeedStatus = answer ? answer.status : n % 10 === 8 ? 'submitted' : n % 10 === 9 ? 'draft' : 'published';
    const ageHours = answer
      ? answer.ageHours
      : status === 'submitted'
        ? SUBMITTED_AGES[Math.floor(n / 10) % SUBMITTED_AGES.length]
        : status === 'draft'
          ? (1 + (n % 7)) * 24
          : (2 + ((n * 11) % 37)) * 24;
    buyer.needs.push({
      status,
      ageHours,
      ...(answer ? { curatorText: answer.text } : {}),
      body: {
        title,
        description: `${title}. ${contexts[n % contexts.length]} ${NEED_ASKS[Math.floor(n / 3) % NEED_ASKS.length]}`,
        useCases: [useCase],
        reach: pick(['local', 'regional', 'national']),
        acceptsRemote: random() < 0.7,
        minBudgetEur: min,
        maxBudgetEur: min * pick([2, 3, 5]),
        desiredStart: `2027-0${1 + (n % 9)}-01`,
        dataSensitivity: requirements.includes('GDPR_DPA') ? 'personal' : 'none',
        requirements,
        ...(random() < 0.2 ? { minSovereigntyGrade: pick(['B', 'C']) } : {}),
      },
    });
  }
  return buyers;
}

/** One step of an introduction after the curator's proposal, as the party named makes it. */
export type DemoIntroductionStep = { daysAgo: number } & (
  | { event: 'vendor_accept' | 'buyer_accept' }
  | {
      event: 'vendor_decline' | 'buyer_decline';
      reason: 'not_relevant' | 'no_capacity' | 'budget' | 'timing' | 'already_equipped' | 'other';
      comment?: string;
    }
  | { event: 'meeting_held'; by: 'vendor' | 'buyer' | 'curator' }
  | { event: 'won' | 'lost'; by: 'vendor' | 'buyer' | 'curator' }
);

export interface DemoIntroduction {
  /** Index in demoBuyers(): its published need on `useCase`. */
  buyer: number;
  useCase: string;
  /** Index in demoVendors(): its published offering on `useCase`. */
  vendor: number;
  /** Why the curator suggests the pair; both sides read it, so it never names the buyer. */
  why: string;
  proposedDaysAgo: number;
  steps: DemoIntroductionStep[];
  /** The buyer then closes the need with this outcome. */
  closeNeed?: { outcome: 'won' | 'no_fit' | 'abandoned'; daysAgo: number };
}

/** The statuses the demo introductions end in, in the order of DEMO_INTRODUCTIONS. */
export const DEMO_INTRODUCTION_STATUSES = [
  'connected',
  'buyer_accepted',
  'connected',
  'vendor_accepted',
  'proposed',
  'meeting_held',
  'won',
  'lost',
  'vendor_declined',
  'buyer_declined',
] as const;

/**
 * Introductions between published needs and eligible offerings, each made by the demo curator and
 * answered by the parties through the real transitions. The printed vendor account (vendor 0) and
 * buyer account (buyer 2) each have one connected introduction (contacts shown) and one waiting
 * for their answer. Introductions still waiting are younger than the reminder delay (5 days).
 */
export const DEMO_INTRODUCTIONS: DemoIntroduction[] = [
  {
    buyer: 0,
    useCase: 'CUSTOMER_SERVICE_CHATBOT',
    vendor: 0,
    why: 'l’agent répond 24 h/24 à partir de vos propres documents et passe la main à un agent quand il le faut ; l’éditeur est dans votre département et héberge en France',
    proposedDaysAgo: 9,
    steps: [
      { event: 'vendor_accept', daysAgo: 8 },
      { event: 'buyer_accept', daysAgo: 6 },
    ],
  },
  {
    buyer: 5,
    useCase: 'CUSTOMER_SERVICE_CHATBOT',
    vendor: 0,
    why: 'l’agent oriente chaque demande vers le bon service et se déploie en quelques semaines, hébergé en France',
    proposedDaysAgo: 3,
    steps: [{ event: 'buyer_accept', daysAgo: 2 }],
  },
  {
    buyer: 2,
    useCase: 'FINANCE_ACCOUNTING',
    vendor: 9,
    why: 'la prévision s’appuie sur vos historiques d’encaissements et de dépenses, dans votre budget, avec une équipe habituée aux comptabilités publiques',
    proposedDaysAgo: 12,
    steps: [
      { event: 'buyer_accept', daysAgo: 11 },
      { event: 'vendor_accept', daysAgo: 10 },
    ],
  },
  {
    buyer: 2,
    useCase: 'FINANCE_ACCOUNTING',
    vendor: 23,
    why: 'une seconde option, basée dans les Alpes-Maritimes, pour comparer les approches avant de vous décider',
    proposedDaysAgo: 2,
    steps: [{ event: 'vendor_accept', daysAgo: 1 }],
  },
  {
    buyer: 13,
    useCase: 'KNOWLEDGE_ASSISTANT_RAG',
    vendor: 10,
    why: 'l’assistant répond en citant vos documents et respecte les droits d’accès de chaque agent',
    proposedDaysAgo: 1,
    steps: [],
  },
  {
    buyer: 3,
    useCase: 'DOC_PROCESSING',
    vendor: 19,
    why: 'le courrier entrant est lu et routé automatiquement vers le bon service, avec un contrôle avant l’envoi',
    proposedDaysAgo: 24,
    steps: [
      { event: 'vendor_accept', daysAgo: 23 },
      { event: 'buyer_accept', daysAgo: 21 },
      { event: 'meeting_held', by: 'buyer', daysAgo: 14 },
    ],
  },
  {
    buyer: 14,
    useCase: 'DOC_PROCESSING',
    vendor: 33,
    why: 'l’offre lit les factures fournisseurs et les exporte vers votre logiciel comptable ; l’équipe est dans votre département',
    proposedDaysAgo: 45,
    steps: [
      { event: 'vendor_accept', daysAgo: 44 },
      { event: 'buyer_accept', daysAgo: 42 },
      { event: 'meeting_held', by: 'vendor', daysAgo: 35 },
      { event: 'won', by: 'buyer', daysAgo: 16 },
    ],
    closeNeed: { outcome: 'won', daysAgo: 15 },
  },
  {
    buyer: 6,
    useCase: 'KNOWLEDGE_ASSISTANT_RAG',
    vendor: 24,
    why: 'l’assistant retrouve une information dans vos procédures et cite ses sources',
    proposedDaysAgo: 38,
    steps: [
      { event: 'buyer_accept', daysAgo: 37 },
      { event: 'vendor_accept', daysAgo: 36 },
      { event: 'meeting_held', by: 'curator', daysAgo: 28 },
      { event: 'lost', by: 'curator', daysAgo: 18 },
    ],
  },
  {
    buyer: 17,
    useCase: 'KNOWLEDGE_ASSISTANT_RAG',
    vendor: 27,
    why: 'l’assistant répond à partir de vos fiches et de vos contrats, en citant le passage utilisé',
    proposedDaysAgo: 15,
    steps: [
      {
        event: 'vendor_decline',
        reason: 'no_capacity',
        comment: 'Notre équipe est engagée sur deux déploiements jusqu’à l’été ; recontactez-nous en septembre.',
        daysAgo: 13,
      },
    ],
  },
  {
    buyer: 12,
    useCase: 'SALES_FORECAST',
    vendor: 34,
    why: 'les prévisions s’appuient sur vos historiques de ventes et le calendrier, sans rien installer sur vos postes',
    proposedDaysAgo: 20,
    steps: [
      {
        event: 'buyer_decline',
        reason: 'budget',
        comment: 'Le budget de cette année est déjà engagé ; nous y reviendrons l’an prochain.',
        daysAgo: 17,
      },
    ],
  },
];

/** Curators' decisions on claims, by vendor and offering index: one offering fully verified, one partly, one with a claim rejected. */
export const DEMO_CLAIM_REVIEWS: {
  vendor: number;
  offering: number;
  verify: 'all' | string[];
  reject?: { claim: string; comment: string };
}[] = [
  { vendor: 0, offering: 0, verify: 'all' },
  { vendor: 3, offering: 0, verify: ['hosting.dataResidency', 'certifications.hds'] },
  {
    vendor: 2,
    offering: 0,
    verify: [],
    reject: {
      claim: 'hosting.dataResidency',
      comment:
        'L’annexe fournie ne fixe pas la région d’hébergement des données : joignez celle qui la précise, nous reverrons la déclaration.',
    },
  },
];
