import { isRtl, type Locale } from '@mre/contracts';
import { escapeHtml } from '@/core/text/escape-html';
import type { PersonalData } from './personal-data';

interface Labels {
  title: string;
  intro: (date: string) => string;
  profile: string;
  fields: Record<'fullName' | 'email' | 'role' | 'centre' | 'network' | 'timeZone' | 'createdAt', string>;
  enrollments: string;
  teaching: string;
  attendance: string;
  certificates: string;
  notifications: (n: number) => string;
  chatMessages: (n: number) => string;
  activity: (n: number) => string;
  /** How many of each smaller record data.json holds. */
  counts: Record<
    'materialsDone' | 'recordingsWatched' | 'emailChoices' | 'reminders' | 'removals' | 'staffWork',
    (n: number) => string
  >;
  none: string;
  columns: Record<
    'cohort' | 'course' | 'dates' | 'status' | 'session' | 'date' | 'minutes' | 'code' | 'issued',
    string
  >;
  statuses: Record<string, string>;
  files: string;
}

const LABELS: Record<Locale, Labels> = {
  ar: {
    title: 'بياناتي الشخصية في أكاديمية مغاربة العالم',
    intro: (date) =>
      `هذا ملخص البيانات التي تحتفظ بها المنصة عنك، بتاريخ ${date}. التفاصيل الكاملة في الملف data.json.`,
    profile: 'الملف الشخصي',
    fields: {
      fullName: 'الاسم الكامل',
      email: 'البريد الإلكتروني',
      role: 'الدور',
      centre: 'المركز',
      network: 'الشبكة',
      timeZone: 'المنطقة الزمنية',
      createdAt: 'تاريخ إنشاء الحساب',
    },
    enrollments: 'التسجيلات',
    teaching: 'الأفواج التي تؤطرها',
    attendance: 'الحضور',
    certificates: 'الشهادات',
    notifications: (n) => `الإشعارات: ${n}`,
    chatMessages: (n) => `رسائلك في دردشة الحصص: ${n}`,
    activity: (n) => `أحداث الحساب (تسجيلات الدخول وغيرها): ${n}`,
    counts: {
      materialsDone: (n) => `الموارد التي أشرت إليها كمنجزة: ${n}`,
      recordingsWatched: (n) => `تسجيلات الحصص التي شاهدتها أو استمعت إليها: ${n}`,
      emailChoices: (n) => `اختياراتك لإشعارات البريد الإلكتروني: ${n}`,
      reminders: (n) => `تذكيرات الحصص المرسلة إليك: ${n}`,
      removals: (n) => `المرات التي أُخرجت فيها من حصة مباشرة: ${n}`,
      staffWork: (n) => `أعمال مسجلة باسمك (حصص، موارد، اختبارات، تسجيلات، استيرادات، تصحيحات الحضور): ${n}`,
    },
    none: 'لا شيء',
    columns: {
      cohort: 'الفوج',
      course: 'التكوين',
      dates: 'التواريخ',
      status: 'الحالة',
      session: 'الحصة',
      date: 'التاريخ',
      minutes: 'دقائق الحضور',
      code: 'رمز التحقق',
      issued: 'تاريخ الإصدار',
    },
    statuses: {
      active: 'نشط',
      waitlisted: 'في قائمة الانتظار',
      withdrawn: 'منسحب',
      completed: 'مكتمل',
      present: 'حاضر',
      late: 'متأخر',
      absent: 'غائب',
      excused: 'غياب مبرر',
      valid: 'صالحة',
      revoked: 'ملغاة',
    },
    files: 'شهاداتك بصيغة PDF في المجلد certificates.',
  },
  fr: {
    title: 'Mes données personnelles à MRE Academy',
    intro: (date) =>
      `Voici le résumé des données que la plateforme conserve sur vous, au ${date}. Le détail complet est dans le fichier data.json.`,
    profile: 'Profil',
    fields: {
      fullName: 'Nom complet',
      email: 'E-mail',
      role: 'Rôle',
      centre: 'Centre',
      network: 'Réseau',
      timeZone: 'Fuseau horaire',
      createdAt: 'Compte créé le',
    },
    enrollments: 'Inscriptions',
    teaching: 'Cohortes que vous encadrez',
    attendance: 'Présences',
    certificates: 'Certificats',
    notifications: (n) => `Notifications : ${n}`,
    chatMessages: (n) => `Vos messages dans le chat des séances : ${n}`,
    activity: (n) => `Événements du compte (connexions, etc.) : ${n}`,
    counts: {
      materialsDone: (n) => `Supports marqués comme faits : ${n}`,
      recordingsWatched: (n) => `Enregistrements de séances regardés ou écoutés : ${n}`,
      emailChoices: (n) => `Vos choix de notifications par e-mail : ${n}`,
      reminders: (n) => `Rappels de séances envoyés : ${n}`,
      removals: (n) => `Retraits d’une classe en direct : ${n}`,
      staffWork: (n) =>
        `Travaux enregistrés à votre nom (séances, supports, quiz, enregistrements, imports, corrections de présence) : ${n}`,
    },
    none: 'Aucun',
    columns: {
      cohort: 'Cohorte',
      course: 'Formation',
      dates: 'Dates',
      status: 'Statut',
      session: 'Séance',
      date: 'Date',
      minutes: 'Minutes de présence',
      code: 'Code de vérification',
      issued: 'Délivré le',
    },
    statuses: {
      active: 'Inscrit',
      waitlisted: 'En liste d’attente',
      withdrawn: 'Retiré',
      completed: 'Terminé',
      present: 'Présent',
      late: 'En retard',
      absent: 'Absent',
      excused: 'Excusé',
      valid: 'Valide',
      revoked: 'Révoqué',
    },
    files: 'Vos certificats en PDF sont dans le dossier certificates.',
  },
  en: {
    title: 'My personal data at MRE Academy',
    intro: (date) =>
      `This is a summary of the data the platform holds about you, as of ${date}. The full detail is in data.json.`,
    profile: 'Profile',
    fields: {
      fullName: 'Full name',
      email: 'E-mail',
      role: 'Role',
      centre: 'Centre',
      network: 'Network',
      timeZone: 'Time zone',
      createdAt: 'Account created on',
    },
    enrollments: 'Enrollments',
    teaching: 'Cohorts you teach',
    attendance: 'Attendance',
    certificates: 'Certificates',
    notifications: (n) => `Notifications: ${n}`,
    chatMessages: (n) => `Your messages in class chats: ${n}`,
    activity: (n) => `Account events (sign-ins and others): ${n}`,
    counts: {
      materialsDone: (n) => `Materials marked as done: ${n}`,
      recordingsWatched: (n) => `Class recordings watched or listened to: ${n}`,
      emailChoices: (n) => `Your e-mail notification choices: ${n}`,
      reminders: (n) => `Session reminders sent to you: ${n}`,
      removals: (n) => `Times you were removed from a live class: ${n}`,
      staffWork: (n) =>
        `Work recorded under your name (sessions, materials, quizzes, recordings, imports, attendance corrections): ${n}`,
    },
    none: 'None',
    columns: {
      cohort: 'Cohort',
      course: 'Course',
      dates: 'Dates',
      status: 'Status',
      session: 'Session',
      date: 'Date',
      minutes: 'Minutes present',
      code: 'Verification code',
      issued: 'Issued on',
    },
    statuses: {
      active: 'Enrolled',
      waitlisted: 'Waitlisted',
      withdrawn: 'Withdrawn',
      completed: 'Completed',
      present: 'Present',
      late: 'Late',
      absent: 'Absent',
      excused: 'Excused',
      valid: 'Valid',
      revoked: 'Revoked',
    },
    files: 'Your certificates as PDF files are in the certificates folder.',
  },
};

/** The summary's lines on quizzes and class surveys. */
const LEARNING_LINES: Record<
  Locale,
  { quizAttempts: (n: number, passed: number) => string; sessionFeedback: (n: number) => string }
> = {
  ar: {
    quizAttempts: (n, passed) => `محاولاتك في الاختبارات: ${n} (الناجحة: ${passed})`,
    sessionFeedback: (n) => `آراؤك في الحصص: ${n}`,
  },
  fr: {
    quizAttempts: (n, passed) => `Vos tentatives aux quiz : ${n} (réussies : ${passed})`,
    sessionFeedback: (n) => `Vos avis sur les séances : ${n}`,
  },
  en: {
    quizAttempts: (n, passed) => `Your quiz attempts: ${n} (passed: ${passed})`,
    sessionFeedback: (n) => `Your feedback on classes: ${n}`,
  },
};

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  ar: { admin: 'مسؤول البرنامج', coordinator: 'منسق المركز', expert: 'خبير', trainee: 'متدرب' },
  fr: { admin: 'Administrateur', coordinator: 'Coordinateur', expert: 'Expert', trainee: 'Stagiaire' },
  en: { admin: 'Administrator', coordinator: 'Coordinator', expert: 'Expert', trainee: 'Trainee' },
};

/** Isolated, so that a Latin name never reorders an Arabic line (and the reverse). */
const text = (value: string | null | undefined) => `<bdi>${escapeHtml(value ?? '—')}</bdi>`;

function table(headers: string[], rows: string[][], none: string): string {
  if (rows.length === 0) return `<p>${escapeHtml(none)}</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The export's readable summary.html: a standalone page in the person's language and direction,
 * dates in their time zone. data.json stays the complete record.
 */
export function renderExportSummary(data: PersonalData): string {
  const { locale, timeZone } = data.profile;
  const l = LABELS[locale];
  const intl = locale === 'ar' ? 'ar-MA' : locale;
  const day = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone }).format(new Date(iso)) : '—';
  const moment = (iso: string) =>
    new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
  const title = (t: Partial<Record<Locale, string>>) => t[locale] ?? t.fr ?? t.en ?? t.ar ?? '';
  const status = (s: string) => escapeHtml(l.statuses[s] ?? s);
  const p = data.profile;
  const profileRows: Array<[string, string]> = [
    [l.fields.fullName, text(p.fullName)],
    [l.fields.email, `<bdi dir="ltr">${escapeHtml(p.email)}</bdi>`],
    [l.fields.role, escapeHtml(ROLE_NAMES[locale][p.role] ?? p.role)],
    [l.fields.centre, text(p.centre)],
    [l.fields.network, text(p.network)],
    [l.fields.timeZone, `<bdi dir="ltr">${escapeHtml(p.timeZone)}</bdi>`],
    [l.fields.createdAt, escapeHtml(day(p.createdAt))],
  ];
  const cohortRow = (c: PersonalData['teaching'][number]) => [
    text(c.cohort),
    text(title(c.courseTitle)),
    `${escapeHtml(day(c.startsOn))} – ${escapeHtml(day(c.endsOn))}`,
  ];
  const sections = [
    `<h2>${escapeHtml(l.profile)}</h2>
<table class="facts"><tbody>${profileRows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`,
    `<h2>${escapeHtml(l.enrollments)}</h2>
${table(
  [l.columns.cohort, l.columns.course, l.columns.dates, l.columns.status],
  data.enrollments.map((e) => [...cohortRow(e), status(e.status)]),
  l.none,
)}`,
    ...(data.teaching.length > 0
      ? [
          `<h2>${escapeHtml(l.teaching)}</h2>
${table([l.columns.cohort, l.columns.course, l.columns.dates], data.teaching.map(cohortRow), l.none)}`,
        ]
      : []),
    `<h2>${escapeHtml(l.attendance)}</h2>
${table(
  [l.columns.session, l.columns.cohort, l.columns.date, l.columns.status, l.columns.minutes],
  data.attendance.map((a) => [
    text(a.title),
    text(a.cohort),
    escapeHtml(moment(a.startsAt)),
    status(a.status),
    String(a.minutesPresent),
  ]),
  l.none,
)}`,
    `<h2>${escapeHtml(l.certificates)}</h2>
${table(
  [l.columns.course, l.columns.cohort, l.columns.issued, l.columns.code, l.columns.status],
  data.certificates.map((c) => [
    text(title(c.courseTitle)),
    text(c.cohort),
    escapeHtml(day(c.issuedAt)),
    `<bdi dir="ltr">${escapeHtml(c.code)}</bdi>`,
    status(c.status),
  ]),
  l.none,
)}
${data.certificates.some((c) => c.pdfFile) ? `<p>${escapeHtml(l.files)}</p>` : ''}`,
    `<p>${escapeHtml(l.notifications(data.notifications.length))}</p>
<p>${escapeHtml(l.chatMessages(data.chatMessages.length))}</p>
<p>${escapeHtml(l.activity(data.accountActivity.length))}</p>
<p>${escapeHtml(LEARNING_LINES[locale].quizAttempts(data.quizAttempts.length, data.quizAttempts.filter((a) => a.passed).length))}</p>
<p>${escapeHtml(LEARNING_LINES[locale].sessionFeedback(data.sessionFeedback.length))}</p>`,
    [
      l.counts.materialsDone(data.materialCompletions.length),
      l.counts.recordingsWatched(data.recordingViews.length),
      l.counts.emailChoices(data.notificationPreferences.length),
      l.counts.reminders(data.remindersSent.length),
      l.counts.removals(data.roomRemovals.length),
      ...(data.staffWork.length > 0 ? [l.counts.staffWork(data.staffWork.length)] : []),
    ]
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('\n'),
  ];
  return `<!doctype html>
<html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(l.title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: start; vertical-align: top; }
.facts th { width: 14rem; }
</style>
</head>
<body>
<h1>${escapeHtml(l.title)}</h1>
<p>${escapeHtml(l.intro(day(data.exportedAt)))}</p>
${sections.join('\n')}
</body>
</html>
`;
}
