import type { OfferingDocument } from '../../src/search/offering-document.js';
import { pick, prng } from './harness.js';

/** Realistic-looking synthetic offerings: titles and texts per use case, varied areas and grades. */
const USE_CASES: Record<string, { label: string; titles: string[]; words: string[] }> = {
  CUSTOMER_SERVICE_CHATBOT: {
    label: 'Relation client / usagers, agents conversationnels, callbots',
    titles: ['Chatbot pour la relation usagers', 'Agent conversationnel multicanal', 'Callbot d’accueil téléphonique'],
    words: ['questions fréquentes', 'prise de rendez-vous', 'accueil', 'mairie', 'tickets'],
  },
  DOC_PROCESSING: {
    label: 'Traitement documentaire (OCR, extraction, classement)',
    titles: ['Lecture automatique des factures', 'Tri du courrier entrant', 'Extraction de données de formulaires'],
    words: ['OCR', 'factures', 'courrier', 'dossiers', 'classement'],
  },
  KNOWLEDGE_ASSISTANT_RAG: {
    label: 'Assistant interne / recherche documentaire (RAG)',
    titles: ['Assistant documentaire souverain', 'Moteur de questions-réponses interne', 'Veille réglementaire augmentée'],
    words: ['documents internes', 'recherche', 'réglementation', 'modèle français'],
  },
  VISION_QUALITY_CONTROL: {
    label: 'Vision par ordinateur : contrôle qualité',
    titles: ["Reconnaissance d'images pour le contrôle qualité", 'Détection de défauts sur ligne', 'Inspection visuelle automatisée'],
    words: ['caméras', 'défauts', 'ligne de production', 'pièces'],
  },
  SALES_FORECAST: {
    label: 'Prévision des ventes / de la demande',
    titles: ['Prévision des ventes pour le commerce', 'Anticipation de la demande', 'Prévision de fréquentation des cantines'],
    words: ['séries temporelles', 'stocks', 'magasins', 'demande'],
  },
  PREDICTIVE_MAINTENANCE: {
    label: 'Maintenance prédictive',
    titles: ['Maintenance prédictive industrielle', 'Détection d’anomalies sur capteurs', 'Surveillance des machines'],
    words: ['capteurs', 'IoT', 'pannes', 'machines'],
  },
  ENERGY_ENVIRONMENT: {
    label: 'Énergie, eau, environnement',
    titles: ['Détection de fuites sur réseau d’eau', 'Pilotage énergétique des bâtiments', 'Optimisation de la collecte des déchets'],
    words: ['eau', 'énergie', 'bâtiments', 'déchets'],
  },
  TRANSLATION_SPEECH: {
    label: 'Traduction, transcription, accessibilité',
    titles: ['Transcription automatique des réunions', 'Traduction multilingue pour l’accueil', 'Sous-titrage automatique'],
    words: ['transcription', 'traduction', 'sous-titres', 'accessibilité'],
  },
};
const REGIONS: Record<string, string[]> = {
  '93': ['04', '05', '06', '13', '83', '84'],
  '84': ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  '76': ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  '11': ['75', '77', '78', '91', '92', '93', '94', '95'],
  '52': ['44', '49', '53', '72', '85'],
};
const RESIDENCY = ['FR', 'FR', 'FR', 'EU_EEA', 'EU_EEA', 'CUSTOMER_PREMISES', 'OTHER'];
const GRADES = ['A', 'B', 'B', 'C', 'C', 'D', 'E'] as const;
const REQUIREMENTS = [
  'DATA_IN_FRANCE',
  'DATA_IN_EU',
  'GDPR_DPA',
  'ISO27001',
  'NO_TRAINING_ON_CUSTOMER_DATA',
  'EU_MODEL',
  'OPEN_SOURCE_MODEL',
];
const VENDORS = ['Azur', 'Riviera', 'Sophia', 'Lumière', 'Mistral', 'Alpes', 'Provence', 'Garonne', 'Loire', 'Seine'];
const SUFFIX = ['IA', 'Data', 'Labs', 'Vision', 'Analytics', 'Systèmes', 'Conseil'];

export function syntheticDocuments(count: number, seed = 42): OfferingDocument[] {
  const random = prng(seed);
  const codes = Object.keys(USE_CASES);
  const docs: OfferingDocument[] = [];
  for (let i = 0; i < count; i++) {
    const primary = pick(random, codes);
    const extra = random() < 0.3 ? pick(random, codes) : primary;
    const useCases = [...new Set([primary, extra])];
    const uc = USE_CASES[primary];
    const regionCode = pick(random, Object.keys(REGIONS));
    const national = random() < 0.15;
    const vendorIndex = Math.floor(random() * Math.max(1, count / 2));
    const grade = pick(random, GRADES);
    docs.push({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      version: 1,
      title: `${pick(random, uc.titles)} ${pick(random, ['', 'pour PME', 'pour collectivités', 'sur mesure'])}`.trim(),
      summary: `${pick(random, uc.words)}, ${pick(random, uc.words)} et ${pick(random, uc.words)}.`,
      description: `Solution ${pick(random, ['clé en main', 'hébergée en France', 'sur site', 'open source'])} : ${uc.words.join(', ')}.`,
      vendorId: `10000000-0000-4000-8000-${String(vendorIndex).padStart(12, '0')}`,
      vendorName: `${pick(random, VENDORS)} ${pick(random, SUFFIX)}`,
      useCases,
      useCaseLabels: useCases.map((c) => USE_CASES[c].label),
      sectors: random() < 0.4 ? [] : [pick(random, ['C', 'G', 'J', 'O', 'Q', '62', '47', '84'])],
      sectorLabels: [],
      national,
      regions: national ? [] : [regionCode],
      departements: national ? [] : REGIONS[regionCode],
      remoteDelivery: random() < 0.5,
      grade,
      sovereigntyScore: { A: 88, B: 70, C: 50, D: 30, E: 10 }[grade],
      gradeVerified: random() < 0.3,
      dataResidency: pick(random, RESIDENCY),
      requirementsMet: REQUIREMENTS.filter(() => random() < 0.5),
      minBudgetEur: 1000 * Math.floor(1 + random() * 20),
      maxBudgetEur: 1000 * Math.floor(25 + random() * 200),
      publishedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 300) * 86_400_000).toISOString(),
    });
  }
  return docs;
}
