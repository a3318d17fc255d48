import type { SectorCode } from '@mre/contracts';
import type { CreateCourseDto, CreateModuleDto } from '@/modules/catalog/dto/course.dto';
import type { CreateCentreDto, CreateNetworkDto } from '@/modules/organizations/dto/organization.dto';

/** The five competency networks that signed the programme's partnership agreements. */
export const DEMO_NETWORKS: CreateNetworkDto[] = [
  {
    names: {
      fr: 'Réseau des compétences médicales des Marocains du monde',
      en: 'Medical Network of Moroccans Worldwide',
      ar: 'شبكة الكفاءات الطبية لمغاربة العالم',
    },
    country: 'International',
    sectorCodes: ['health'],
  },
  {
    names: {
      fr: 'Association des cadres marocains en Suisse',
      en: 'Association of Moroccan Executives in Switzerland',
      ar: 'جمعية الأطر المغربية بسويسرا',
    },
    countryCode: 'CH',
    sectorCodes: ['digital', 'ai'],
  },
  {
    names: {
      fr: 'Réseau des compétences marocaines en Allemagne',
      en: 'Network of Moroccan Competencies in Germany',
      ar: 'شبكة الكفاءات المغربية بألمانيا',
    },
    countryCode: 'DE',
    sectorCodes: ['automotive', 'digital'],
  },
  {
    names: {
      fr: "Réseau des compétences de l'industrie aéronautique au Canada",
      en: 'Aeronautics Industry Competencies Network in Canada',
      ar: 'شبكة كفاءات صناعة الطيران بكندا',
    },
    countryCode: 'CA',
    sectorCodes: ['aeronautics'],
  },
  {
    names: {
      fr: 'Réseau des compétences marocaines aux États-Unis',
      en: 'Network of Moroccan Competencies in the USA',
      ar: 'شبكة الكفاءات المغربية بالولايات المتحدة الأمريكية',
    },
    countryCode: 'US',
    sectorCodes: ['ai', 'distance-learning'],
  },
];

export const DEMO_CENTRES: CreateCentreDto[] = [
  {
    names: {
      fr: 'Centre de formation professionnelle de Kénitra',
      en: 'Kenitra Vocational Training Centre',
      ar: 'مركز التكوين المهني بالقنيطرة',
    },
    city: 'Kénitra',
    region: 'Rabat-Salé-Kénitra',
  },
  {
    names: {
      fr: 'Centre de formation professionnelle de Salé',
      en: 'Salé Vocational Training Centre',
      ar: 'مركز التكوين المهني بسلا',
    },
    city: 'Salé',
    region: 'Rabat-Salé-Kénitra',
  },
];

type DemoCourse = Omit<CreateCourseDto, 'networkId'> & { networkIndex: number; modules: CreateModuleDto[] };

const link = (fr: string, en: string, ar: string, url: string) => ({
  kind: 'link' as const,
  title: { ar, fr, en },
  url,
});

export const DEMO_COURSES: Record<SectorCode, DemoCourse> = {
  aeronautics: {
    code: 'DEMO-AERO-101',
    title: {
      ar: 'أساسيات صيانة الطائرات',
      fr: 'Fondamentaux de la maintenance aéronautique',
      en: 'Aircraft maintenance fundamentals',
    },
    summary: {
      ar: 'مدخل إلى صيانة هياكل الطائرات ومحركاتها.',
      fr: 'Introduction à la maintenance des cellules et moteurs.',
      en: 'An introduction to airframe and engine maintenance.',
    },
    sectorCode: 'aeronautics',
    networkIndex: 3,
    format: 'remote',
    durationHours: 30,
    status: 'published',
    modules: [
      {
        position: 1,
        title: { ar: 'السلامة في الورشة', fr: "Sécurité à l'atelier", en: 'Workshop safety' },
        materials: [
          link('Guide de sécurité', 'Safety guide', 'دليل السلامة', 'https://example.org/aero/safety'),
        ],
      },
      {
        position: 2,
        title: {
          ar: 'قراءة الوثائق التقنية',
          fr: 'Lire la documentation technique',
          en: 'Reading technical documentation',
        },
        materials: [],
      },
    ],
  },
  automotive: {
    code: 'DEMO-AUTO-101',
    title: {
      ar: 'الأنظمة الكهربائية للسيارات',
      fr: "Systèmes électriques de l'automobile",
      en: 'Automotive electrical systems',
    },
    sectorCode: 'automotive',
    networkIndex: 2,
    format: 'hybrid',
    durationHours: 24,
    status: 'published',
    modules: [
      {
        position: 1,
        title: { ar: 'الدوائر الأساسية', fr: 'Circuits de base', en: 'Basic circuits' },
        materials: [],
      },
    ],
  },
  health: {
    code: 'DEMO-HEALTH-101',
    title: {
      ar: 'الإسعافات الأولية في الوسط المهني',
      fr: 'Premiers secours en milieu professionnel',
      en: 'Workplace first aid',
    },
    sectorCode: 'health',
    networkIndex: 0,
    format: 'remote',
    durationHours: 12,
    status: 'published',
    modules: [
      {
        position: 1,
        title: { ar: 'تقييم الحالة', fr: 'Évaluer la situation', en: 'Assessing the situation' },
        materials: [],
      },
    ],
  },
  digital: {
    code: 'DEMO-DIGI-101',
    title: {
      ar: 'تطوير تطبيقات الويب',
      fr: 'Développement d’applications web',
      en: 'Web application development',
    },
    sectorCode: 'digital',
    networkIndex: 1,
    format: 'remote',
    durationHours: 40,
    status: 'published',
    modules: [
      { position: 1, title: { ar: 'HTML و CSS', fr: 'HTML et CSS', en: 'HTML and CSS' }, materials: [] },
    ],
  },
  ai: {
    code: 'DEMO-AI-101',
    title: {
      ar: 'مدخل إلى الذكاء الاصطناعي',
      fr: "Introduction à l'intelligence artificielle",
      en: 'Introduction to artificial intelligence',
    },
    sectorCode: 'ai',
    networkIndex: 4,
    format: 'remote',
    durationHours: 20,
    status: 'published',
    modules: [
      {
        position: 1,
        title: {
          ar: 'ما هو التعلم الآلي؟',
          fr: "Qu'est-ce que l'apprentissage automatique ?",
          en: 'What is machine learning?',
        },
        materials: [],
      },
    ],
  },
  'distance-learning': {
    code: 'DEMO-DIST-101',
    title: {
      ar: 'التدريس عن بعد للمكونين',
      fr: 'Enseigner à distance : guide du formateur',
      en: "Teaching remotely: a trainer's guide",
    },
    sectorCode: 'distance-learning',
    networkIndex: 4,
    format: 'remote',
    durationHours: 15,
    status: 'published',
    modules: [
      {
        position: 1,
        title: {
          ar: 'تنشيط قسم افتراضي',
          fr: 'Animer une classe virtuelle',
          en: 'Running a virtual classroom',
        },
        materials: [],
      },
    ],
  },
};
