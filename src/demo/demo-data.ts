import { prng } from '../common/prng.js';
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
  for (let check = 0; check <= 9; check++) {
    const candidate = `${digits}${check}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let n = Number(candidate[8 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** SIRET = SIREN + a 5-digit establishment number (NIC) with the Luhn check over 14 digits. */
export function luhnSiret(siren: string, nic: number): string {
  const base = `${siren}${String(nic).padStart(4, '0')}`;
  for (let check = 0; check <= 9; check++) {
    const candidate = `${base}${check}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let n = Number(candidate[13 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

const LOCAL_COMMUNES = ['06088', '06152', '06152', '06004', '06029', '06069', '06088', '06152', '13055', '83137', '13001'];
const NATIONAL_COMMUNES = ['75056', '69123', '31555', '44109', '59350'];
const REGION_OF: Record<string, string> = { '06': '93', '13': '93', '83': '93', '75': '11', '69': '84', '31': '76', '44': '52', '59': '32' };

const PREFIXES = ['Azur', 'Riviera', 'Sophia', 'Estérel', 'Mercantour', 'Lérins', 'Paillon', 'Calanques', 'Sainte-Victoire', 'Garonne', 'Lumière', 'Loire', 'Seine', 'Flandre', 'Mistral', 'Baous', 'Var', 'Cians', 'Vésubie', 'Antibes'];
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
    titles: ['Agent conversationnel pour l’accueil des usagers', 'Callbot de prise de rendez-vous', 'Chatbot multicanal pour la relation client'],
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
    titles: ['Assistant documentaire souverain', 'Moteur de questions-réponses sur vos documents internes', 'Veille réglementaire augmentée'],
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
    titles: ['Détection de fuites sur réseau d’eau', 'Pilotage énergétique des bâtiments publics', 'Optimisation de la collecte des déchets'],
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
    hosting: { deploymentModes: ['SAAS_DEDICATED', 'PRIVATE_CLOUD', 'ON_PREMISE'], dataResidency: 'FR', providerName: 'OVHcloud', providerJurisdiction: 'FR', nonEuRemoteAccess: false },
    certifications: { secNumCloud: 'OFFERING', hds: true, iso27001: true, iso42001: false, labels: ['EXPERTCYBER'] },
    ai: { usesMl: true, modelOrigin: 'FR', modelNames: ['Mistral Small'], modelLicence: 'OSI_OPEN_SOURCE', inferenceHosting: 'CUSTOMER_HOSTED', trainingOnCustomerData: 'NEVER', aiActRole: 'PROVIDER', aiActRiskClass: 'MINIMAL', gpaiBased: true },
    gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'NONE', dpiaSupport: true },
    reversibility: { dataExportOpenFormat: true, exitClause: true },
  },
  {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
    hosting: { deploymentModes: ['SAAS_SHARED', 'PRIVATE_CLOUD'], dataResidency: 'FR', providerName: 'Scaleway', providerJurisdiction: 'FR', nonEuRemoteAccess: false },
    certifications: { secNumCloud: 'NONE', hds: false, iso27001: false, iso42001: false, labels: [] },
    ai: { usesMl: true, modelOrigin: 'US', modelNames: ['Llama 3 fine-tune'], modelLicence: 'OPEN_WEIGHT_RESTRICTED', inferenceHosting: 'VENDOR_HOSTED_EU', trainingOnCustomerData: 'OPT_IN', aiActRole: 'PROVIDER', aiActRiskClass: 'MINIMAL', gpaiBased: true },
    gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'ADEQUACY', dpiaSupport: true },
    reversibility: { dataExportOpenFormat: true, exitClause: true },
  },
  {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
    hosting: { deploymentModes: ['SAAS_SHARED'], dataResidency: 'EU_EEA', providerName: 'Hetzner', providerJurisdiction: 'EU_EEA', nonEuRemoteAccess: false },
    certifications: { secNumCloud: 'NONE', hds: false, iso27001: false, iso42001: false, labels: [] },
    ai: { usesMl: true, modelOrigin: 'US', modelNames: ['GPT-4o via Azure EU'], modelLicence: 'PROPRIETARY', inferenceHosting: 'THIRD_PARTY_API_EU', trainingOnCustomerData: 'OPT_OUT', aiActRole: 'INTEGRATOR', aiActRiskClass: 'TRANSPARENCY', gpaiBased: true },
    gdpr: { dpaArt28: true, subprocessorsPublic: false, nonEuTransfers: 'SCC', dpiaSupport: false },
    reversibility: { dataExportOpenFormat: true, exitClause: false },
  },
  {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'MINORITY', extraterritorialExposure: 'UNKNOWN' },
    hosting: { deploymentModes: ['SAAS_SHARED'], dataResidency: 'EU_EEA', providerName: 'AWS eu-west-3', providerJurisdiction: 'US', nonEuRemoteAccess: true },
    certifications: { secNumCloud: 'NONE', hds: false, iso27001: false, iso42001: false, labels: [] },
    ai: { usesMl: true, modelOrigin: 'US', modelNames: ['Claude via API'], modelLicence: 'PROPRIETARY', inferenceHosting: 'THIRD_PARTY_API_NON_EU', trainingOnCustomerData: 'OPT_OUT', aiActRole: 'INTEGRATOR', aiActRiskClass: 'MINIMAL', gpaiBased: true },
    gdpr: { dpaArt28: true, subprocessorsPublic: false, nonEuTransfers: 'SCC', dpiaSupport: false },
    reversibility: { dataExportOpenFormat: false, exitClause: false },
  },
  {
    vendor: { hqJurisdiction: 'US', nonEuControl: 'MAJORITY', extraterritorialExposure: 'YES' },
    hosting: { deploymentModes: ['SAAS_SHARED'], dataResidency: 'OTHER', providerName: 'AWS us-east-1', providerJurisdiction: 'US', nonEuRemoteAccess: true },
    certifications: { secNumCloud: 'NONE', hds: false, iso27001: true, iso42001: false, labels: [] },
    ai: { usesMl: true, modelOrigin: 'US', modelNames: ['GPT-4o'], modelLicence: 'PROPRIETARY', inferenceHosting: 'THIRD_PARTY_API_NON_EU', trainingOnCustomerData: 'OPT_OUT', aiActRole: 'INTEGRATOR', aiActRiskClass: 'MINIMAL', gpaiBased: true },
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
  offerings: Record<string, unknown>[];
}

export interface DemoBuyer {
  email: string;
  displayName: string;
  organisation: DemoOrganisation;
  needs: { body: Record<string, unknown>; status: 'draft' | 'submitted' | 'published' }[];
}

export function demoVendors(count = 40): DemoVendor[] {
  const random = prng(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const national = i % 5 === 4;
    const communeCode = national ? NATIONAL_COMMUNES[(i / 5) % NATIONAL_COMMUNES.length | 0] : LOCAL_COMMUNES[i % LOCAL_COMMUNES.length];
    const departement = communeCode.slice(0, 2);
    const name = `${PREFIXES[i % PREFIXES.length]} ${SUFFIXES[(i * 7) % SUFFIXES.length]}${i >= PREFIXES.length ? ' Conseil' : ''}`;
    const siren = luhnSiren(81000000 + i * 1379);
    // A few national vendors keep an office in Sophia Antipolis: proximity counts it.
    const establishments = national && i % 10 === 9 ? [{ siret: luhnSiret(siren, 21), communeCode: '06152' }] : undefined;
    const offerings = [0, 1].map((k) => {
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
          : { national: false, regions: random() < 0.5 ? [REGION_OF[departement]] : [], departements: [departement], remoteDelivery: random() < 0.6 },
        pricing: { model: pick(['subscription', 'project', 'licence', 'per_use']), minBudgetEur: min, maxBudgetEur: min * pick([4, 8, 15]) },
        targetBuyerTypes: pick([['collectivite'], ['pme', 'tpe'], ['pme', 'eti', 'collectivite'], ['tpe', 'pme', 'collectivite', 'association']]),
        references: { count: Math.floor(random() * 12), sectors: [] },
        sovereignty: PROFILES[grade],
        evidence: [],
      };
    });
    return {
      email: `contact+${i}@${name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.demo.circuit-ia.fr`,
      displayName: `Équipe ${name}`,
      organisation: { name, siren, nafCode: '62.01Z', communeCode, ...(establishments ? { establishments } : {}) },
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

const NEED_TEXTS: Record<string, string[]> = {
  CUSTOMER_SERVICE_CHATBOT: ['Répondre aux questions des usagers en dehors des heures d’ouverture', 'Un assistant pour les réservations et questions des clients'],
  DOC_PROCESSING: ['Traiter automatiquement les factures fournisseurs', 'Trier le courrier entrant vers les bons services'],
  KNOWLEDGE_ASSISTANT_RAG: ['Retrouver vite une information dans nos procédures internes', 'Un assistant sur nos délibérations et arrêtés'],
  MEETING_WRITING_ASSIST: ['Rédiger les comptes rendus du conseil municipal', 'Synthétiser nos réunions de chantier'],
  SALES_FORECAST: ['Prévoir le nombre de repas servis à la cantine', 'Anticiper les ventes de la saison touristique'],
  PREDICTIVE_MAINTENANCE: ['Anticiper les pannes de nos machines-outils', 'Surveiller les pompes du réseau'],
  VISION_QUALITY_CONTROL: ['Détecter les défauts sur nos pièces usinées', 'Contrôler l’aspect des flacons en sortie de ligne'],
  ENERGY_ENVIRONMENT: ['Détecter les fuites sur le réseau d’eau potable', 'Réduire la consommation énergétique des écoles'],
  TRANSLATION_SPEECH: ['Accueillir les visiteurs étrangers dans leur langue', 'Sous-titrer les vidéos du conseil'],
  MOBILITY_URBAN: ['Mesurer l’occupation du stationnement en centre-ville', 'Pré-instruire les permis de construire'],
  HR_RECRUITMENT: ['Planifier les équipes saisonnières', 'Proposer des parcours de formation aux agents'],
  CYBERSECURITY: ['Détecter les intrusions sur le réseau de la mairie', 'Filtrer les courriels d’hameçonnage'],
  AGRI_FOOD: ['Prévoir la récolte des olives', 'Trier les fruits par qualité'],
  FINANCE_ACCOUNTING: ['Automatiser la saisie comptable', 'Prévoir la trésorerie de l’entreprise'],
};

const REQUIREMENT_SETS: string[][] = [[], [], ['GDPR_DPA'], ['DATA_IN_FRANCE', 'GDPR_DPA'], ['DATA_IN_EU', 'GDPR_DPA'], ['DATA_IN_FRANCE', 'NO_EXTRATERRITORIAL_EXPOSURE', 'GDPR_DPA'], ['NO_TRAINING_ON_CUSTOMER_DATA']];

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
    const useCase = useCases[(n * 5 + Math.floor(n / 14)) % useCases.length];
    const title = NEED_TEXTS[useCase][n % NEED_TEXTS[useCase].length];
    const requirements = buyer.organisation.buyerType === 'collectivite' ? pick(REQUIREMENT_SETS.slice(2)) : pick(REQUIREMENT_SETS);
    const min = pick([2000, 5000, 10000, 20000]);
    const status: DemoBuyer['needs'][number]['status'] = n % 10 === 8 ? 'submitted' : n % 10 === 9 ? 'draft' : 'published';
    buyer.needs.push({
      status,
      body: {
        title,
        description: `${title}. ${buyer.organisation.name.replace(' (démo)', '')} cherche une solution simple à déployer, avec un accompagnement local si possible.`,
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
