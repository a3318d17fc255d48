import { intlLocale, QUESTION_WAITING_HOURS, zonePlace, type Locale } from '@mre/contracts';
import type { MailJob, MailSessionItem, MailTemplate } from '@/core/queue/queue-name';
import type { OutgoingMail } from '@/core/mail/mail-transport';
import { utcOffsetLabel } from '@/core/time/wall-clock';

type Rendered = Omit<OutgoingMail, 'to'>;

interface Content {
  subject: string;
  lines: string[];
  /** A button to the given link, when the e-mail has one. */
  action?: string;
}

/** `list`: the sessions the e-mail lists, one line each, already in the recipient's language and zone. */
type Template = Record<Locale, (p: Record<string, string>, list: string[]) => Content>;

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** "Casablanca, UTC+0": the zone and its offset at that instant, with the rules in force. */
const zoneAt = (instant: Date, timeZone: string) =>
  `${zonePlace(timeZone)}, ${utcOffsetLabel(instant, timeZone)}`;

/** A date and time in the recipient's language and zone, with the zone and its offset named. */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  const instant = new Date(iso);
  const formatted = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
  return `${formatted} (${zoneAt(instant, timeZone)})`;
}

/**
 * A listed session: its time for the recipient, and, when the session keeps the wall clock of
 * another zone, its time there too ("… — 10:00 (Casablanca, UTC+0)").
 */
function formatItem(item: MailSessionItem, locale: Locale, timeZone: string): string {
  const when = formatInstant(item.startsAt, locale, timeZone);
  if (item.timeZone === timeZone) return `• ${item.title}: ${when}`;
  const instant = new Date(item.startsAt);
  const there = new Intl.DateTimeFormat(intlLocale(locale), {
    timeStyle: 'short',
    timeZone: item.timeZone,
  }).format(instant);
  return `• ${item.title}: ${when} — ${there} (${zoneAt(instant, item.timeZone)})`;
}

const TEMPLATES: Record<MailTemplate, Template> = {
  invitation: {
    ar: (p) => ({
      subject: 'دعوة للانضمام إلى MRE Academy',
      lines: [
        `مرحبا ${p.fullName}،`,
        'تمت دعوتك إلى منصة MRE Academy للتكوين عن بعد. اختر كلمة مرورك عبر الرابط التالي.',
        `ينتهي هذا الرابط في ${p.expires}.`,
      ],
      action: 'قبول الدعوة',
    }),
    fr: (p) => ({
      subject: 'Invitation à rejoindre MRE Academy',
      lines: [
        `Bonjour ${p.fullName},`,
        'Vous êtes invité(e) sur MRE Academy, la plateforme de formation à distance. Choisissez votre mot de passe avec le lien ci-dessous.',
        `Ce lien expire le ${p.expires}.`,
      ],
      action: "Accepter l'invitation",
    }),
    en: (p) => ({
      subject: 'Your invitation to MRE Academy',
      lines: [
        `Hello ${p.fullName},`,
        'You have been invited to MRE Academy, the remote training platform. Choose your password with the link below.',
        `This link expires on ${p.expires}.`,
      ],
      action: 'Accept the invitation',
    }),
  },
  'password-reset': {
    ar: (p) => ({
      subject: 'إعادة تعيين كلمة المرور على MRE Academy',
      lines: [
        `مرحبا ${p.fullName}،`,
        'طلبتَ إعادة تعيين كلمة مرورك. اختر كلمة مرور جديدة عبر الرابط التالي؛ لا يعمل إلا مرة واحدة.',
        `ينتهي هذا الرابط في ${p.expires}.`,
        'إذا لم تطلب ذلك، تجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
      ],
      action: 'اختيار كلمة مرور جديدة',
    }),
    fr: (p) => ({
      subject: 'Réinitialisation de votre mot de passe MRE Academy',
      lines: [
        `Bonjour ${p.fullName},`,
        'Vous avez demandé à réinitialiser votre mot de passe. Choisissez-en un nouveau avec le lien ci-dessous ; il ne sert qu’une fois.',
        `Ce lien expire le ${p.expires}.`,
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.',
      ],
      action: 'Choisir un nouveau mot de passe',
    }),
    en: (p) => ({
      subject: 'Reset your MRE Academy password',
      lines: [
        `Hello ${p.fullName},`,
        'You asked to reset your password. Choose a new one with the link below; it works once.',
        `This link expires on ${p.expires}.`,
        'If you did not ask for this, ignore this e-mail: your password stays the same.',
      ],
      action: 'Choose a new password',
    }),
  },
  'session-rescheduled': {
    ar: (p, list) => ({
      subject: `تغيير موعد الحصة: ${p.title}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        ...(list.length > 1
          ? [`تم تغيير مواعيد ${list.length} حصص من «${p.title}». المواعيد الجديدة:`, ...list]
          : [`تم تغيير موعد الحصة «${p.title}».`, `الموعد الجديد: ${p.starts}.`]),
      ],
    }),
    fr: (p, list) => ({
      subject: `Séance déplacée : ${p.title}`,
      lines: [
        `Bonjour ${p.fullName},`,
        ...(list.length > 1
          ? [`${list.length} séances de « ${p.title} » ont été déplacées. Nouveaux horaires :`, ...list]
          : [`La séance « ${p.title} » a été déplacée.`, `Nouvel horaire : ${p.starts}.`]),
      ],
    }),
    en: (p, list) => ({
      subject: `Session rescheduled: ${p.title}`,
      lines: [
        `Hello ${p.fullName},`,
        ...(list.length > 1
          ? [`${list.length} sessions of "${p.title}" have been rescheduled. New times:`, ...list]
          : [`The session "${p.title}" has been rescheduled.`, `New time: ${p.starts}.`]),
      ],
    }),
  },
  'session-reminder': {
    ar: (p) => ({
      subject: `تذكير: الحصة «${p.title}» تبدأ بعد ${p.kind === '15m' ? '15 دقيقة' : '24 ساعة'}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `تبدأ الحصة «${p.title}» في ${p.starts}.`,
        'دعوة التقويم مرفقة بهذه الرسالة.',
      ],
      action: 'الدخول إلى القسم',
    }),
    fr: (p) => ({
      subject: `Rappel : « ${p.title} » commence dans ${p.kind === '15m' ? '15 minutes' : '24 heures'}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `La séance « ${p.title} » commence le ${p.starts}.`,
        "L'invitation pour votre agenda est jointe.",
      ],
      action: 'Rejoindre la classe',
    }),
    en: (p) => ({
      subject: `Reminder: "${p.title}" starts in ${p.kind === '15m' ? '15 minutes' : '24 hours'}`,
      lines: [
        `Hello ${p.fullName},`,
        `The session "${p.title}" starts on ${p.starts}.`,
        'The calendar invitation is attached.',
      ],
      action: 'Join the class',
    }),
  },
  'time-zone-rules-changed': {
    ar: (p, list) => ({
      subject: 'تحديث مواعيد حصصك: تغيرت قواعد التوقيت',
      lines: [
        `مرحبا ${p.fullName}،`,
        `تغيرت قواعد المناطق الزمنية (قاعدة بيانات IANA ${p.tzVersion}). تحتفظ حصصك بالساعة المحلية المتفق عليها، وهذه مواعيدها بتوقيتك:`,
        ...list,
        'دعوات التقويم المرفقة تحدّث مفكرتك.',
      ],
    }),
    fr: (p, list) => ({
      subject: "Horaires de vos séances mis à jour : les règles d'heure ont changé",
      lines: [
        `Bonjour ${p.fullName},`,
        `Les règles des fuseaux horaires ont changé (base IANA ${p.tzVersion}). Vos séances gardent l'heure locale convenue ; voici leurs horaires dans votre fuseau :`,
        ...list,
        'Les invitations jointes mettent votre agenda à jour.',
      ],
    }),
    en: (p, list) => ({
      subject: 'Session times updated: time-zone rules changed',
      lines: [
        `Hello ${p.fullName},`,
        `Time-zone rules changed (IANA time zone database ${p.tzVersion}). Your sessions keep the local time agreed on; here are their times in your time zone:`,
        ...list,
        'The attached invitations update your calendar.',
      ],
    }),
  },
  'feedback-request': {
    ar: (p) => ({
      subject: `رأيك في الحصة «${p.title}»`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `شكرا على حضورك الحصة «${p.title}». أجب عن ثلاثة أسئلة قصيرة (المحتوى، وضوح الخبير، جودة الصوت والصورة) مع تعليق إن شئت.`,
        `الاستبيان مفتوح حتى ${p.expires}. لا يرى الخبير إلا النتائج المجمعة.`,
      ],
      action: 'إبداء الرأي',
    }),
    fr: (p) => ({
      subject: `Votre avis sur la séance « ${p.title} »`,
      lines: [
        `Bonjour ${p.fullName},`,
        `Merci d’avoir suivi la séance « ${p.title} ». Répondez à trois questions courtes (contenu, clarté de l’expert, qualité audio et vidéo), avec un commentaire si vous le souhaitez.`,
        `Le questionnaire est ouvert jusqu’au ${p.expires}. L’expert ne voit que les résultats regroupés.`,
      ],
      action: 'Donner mon avis',
    }),
    en: (p) => ({
      subject: `Your feedback on "${p.title}"`,
      lines: [
        `Hello ${p.fullName},`,
        `Thank you for attending "${p.title}". Answer three short questions (content, the expert's clarity, audio and video quality), with a comment if you wish.`,
        `The survey is open until ${p.expires}. The expert only sees grouped results.`,
      ],
      action: 'Give feedback',
    }),
  },
  'announcement-posted': {
    ar: (p) => ({
      subject: `إعلان جديد: ${p.title}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `نشر فريق التكوين إعلانا جديدا لفوجكم${p.cohortName ? ` «${p.cohortName}»` : ''}: «${p.title}».`,
        'اقرأه على صفحة الفوج.',
      ],
      action: 'قراءة الإعلان',
    }),
    fr: (p) => ({
      subject: `Nouvelle annonce : ${p.title}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `L’équipe de formation a publié une annonce pour votre cohorte${p.cohortName ? ` « ${p.cohortName} »` : ''} : « ${p.title} ».`,
        'Lisez-la sur la page de la cohorte.',
      ],
      action: 'Lire l’annonce',
    }),
    en: (p) => ({
      subject: `New announcement: ${p.title}`,
      lines: [
        `Hello ${p.fullName},`,
        `The training team posted an announcement for your cohort${p.cohortName ? ` "${p.cohortName}"` : ''}: "${p.title}".`,
        'Read it on the cohort’s page.',
      ],
      action: 'Read the announcement',
    }),
  },
  'question-answered': {
    ar: (p) => ({
      subject: 'وصلت إجابة على سؤالك',
      lines: [`مرحبا ${p.fullName}،`, `أجاب أحدهم على سؤالك: «${p.question}».`],
      action: 'قراءة الإجابة',
    }),
    fr: (p) => ({
      subject: 'Votre question a reçu une réponse',
      lines: [`Bonjour ${p.fullName},`, `Quelqu’un a répondu à votre question : « ${p.question} ».`],
      action: 'Lire la réponse',
    }),
    en: (p) => ({
      subject: 'Your question has an answer',
      lines: [`Hello ${p.fullName},`, `Someone answered your question: "${p.question}".`],
      action: 'Read the answer',
    }),
  },
  'question-waiting': {
    ar: (p) => ({
      subject: `سؤال ينتظر الإجابة: ${p.cohortName}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `ينتظر سؤال متدرب في الفوج «${p.cohortName}» إجابة منذ ${QUESTION_WAITING_HOURS} ساعة: «${p.question}».`,
        'أجيبوا عنه على صفحة الفوج، أو ثبّتوه لمناقشته في الحصة القادمة.',
      ],
      action: 'الإجابة عن السؤال',
    }),
    fr: (p) => ({
      subject: `Question sans réponse : ${p.cohortName}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `La question d’un stagiaire de la cohorte « ${p.cohortName} » attend une réponse depuis ${QUESTION_WAITING_HOURS} heures : « ${p.question} ».`,
        'Répondez-y sur la page de la cohorte, ou épinglez-la pour en parler à la prochaine séance.',
      ],
      action: 'Répondre à la question',
    }),
    en: (p) => ({
      subject: `Question waiting for an answer: ${p.cohortName}`,
      lines: [
        `Hello ${p.fullName},`,
        `A trainee's question in the cohort "${p.cohortName}" has waited ${QUESTION_WAITING_HOURS} hours for an answer: "${p.question}".`,
        'Answer it on the cohort’s page, or pin it to discuss in the next session.',
      ],
      action: 'Answer the question',
    }),
  },
  'session-cancelled': {
    ar: (p, list) => ({
      subject: `إلغاء الحصة: ${p.title}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        ...(list.length > 1
          ? [`تم إلغاء ${list.length} حصص من «${p.title}»:`, ...list]
          : [`تم إلغاء الحصة «${p.title}» المقررة في ${p.starts}.`]),
        ...(p.reason ? [`السبب: ${p.reason}`] : []),
      ],
    }),
    fr: (p, list) => ({
      subject: `Séance annulée : ${p.title}`,
      lines: [
        `Bonjour ${p.fullName},`,
        ...(list.length > 1
          ? [`${list.length} séances de « ${p.title} » sont annulées :`, ...list]
          : [`La séance « ${p.title} » prévue le ${p.starts} est annulée.`]),
        ...(p.reason ? [`Motif : ${p.reason}`] : []),
      ],
    }),
    en: (p, list) => ({
      subject: `Session cancelled: ${p.title}`,
      lines: [
        `Hello ${p.fullName},`,
        ...(list.length > 1
          ? [`${list.length} sessions of "${p.title}" are cancelled:`, ...list]
          : [`The session "${p.title}" planned for ${p.starts} is cancelled.`]),
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
      ],
    }),
  },
  enrolled: {
    ar: (p) => ({
      subject: `تم تسجيلك في ${p.cohortName}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `تم تسجيلك في الفوج «${p.cohortName}» لتكوين «${p.courseTitle}».`,
        p.firstStarts ? `الحصة الأولى: ${p.firstStarts}.` : 'لم تُبرمج أي حصة بعد؛ ستصلك رسالة عند برمجتها.',
        ...(p.calendarUrl ? [`أضف حصص الفوج إلى مفكرتك: ${p.calendarUrl}`] : []),
      ],
      action: 'صفحة الفوج',
    }),
    fr: (p) => ({
      subject: `Inscription confirmée : ${p.cohortName}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `Vous êtes inscrit(e) dans la cohorte « ${p.cohortName} » de la formation « ${p.courseTitle} ».`,
        p.firstStarts
          ? `Première séance : ${p.firstStarts}.`
          : 'Aucune séance n’est encore programmée ; vous serez prévenu(e) dès qu’elle le sera.',
        ...(p.calendarUrl ? [`Ajoutez les séances de la cohorte à votre agenda : ${p.calendarUrl}`] : []),
      ],
      action: 'Page de la cohorte',
    }),
    en: (p) => ({
      subject: `You are enrolled: ${p.cohortName}`,
      lines: [
        `Hello ${p.fullName},`,
        `You are enrolled in the cohort "${p.cohortName}" of the course "${p.courseTitle}".`,
        p.firstStarts
          ? `First session: ${p.firstStarts}.`
          : 'No session is scheduled yet; you will be told when one is.',
        ...(p.calendarUrl ? [`Add the cohort's sessions to your calendar: ${p.calendarUrl}`] : []),
      ],
      action: 'Cohort page',
    }),
  },
  'waitlist-promoted': {
    ar: (p) => ({
      subject: `أصبح لك مقعد في ${p.cohortName}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `تحرر مقعد في الفوج «${p.cohortName}» لتكوين «${p.courseTitle}»: انتقلت من لائحة الانتظار إلى المسجلين.`,
        ...(p.calendarUrl ? [`أضف حصص الفوج إلى مفكرتك: ${p.calendarUrl}`] : []),
      ],
      action: 'صفحة الفوج',
    }),
    fr: (p) => ({
      subject: `Une place s’est libérée : ${p.cohortName}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `Une place s’est libérée dans la cohorte « ${p.cohortName} » de la formation « ${p.courseTitle} » : vous passez de la liste d’attente aux inscrits.`,
        ...(p.calendarUrl ? [`Ajoutez les séances de la cohorte à votre agenda : ${p.calendarUrl}`] : []),
      ],
      action: 'Page de la cohorte',
    }),
    en: (p) => ({
      subject: `A place is yours: ${p.cohortName}`,
      lines: [
        `Hello ${p.fullName},`,
        `A place became free in the cohort "${p.cohortName}" of the course "${p.courseTitle}": you moved from the waitlist to the enrolled.`,
        ...(p.calendarUrl ? [`Add the cohort's sessions to your calendar: ${p.calendarUrl}`] : []),
      ],
      action: 'Cohort page',
    }),
  },
  withdrawn: {
    ar: (p) => ({
      subject: `تم سحب تسجيلك من ${p.cohortName}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `لم تعد مسجلا في الفوج «${p.cohortName}» لتكوين «${p.courseTitle}».`,
        ...(p.reason ? [`السبب: ${p.reason}`] : []),
      ],
    }),
    fr: (p) => ({
      subject: `Inscription retirée : ${p.cohortName}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `Vous n’êtes plus inscrit(e) dans la cohorte « ${p.cohortName} » de la formation « ${p.courseTitle} ».`,
        ...(p.reason ? [`Motif : ${p.reason}`] : []),
      ],
    }),
    en: (p) => ({
      subject: `Enrollment withdrawn: ${p.cohortName}`,
      lines: [
        `Hello ${p.fullName},`,
        `You are no longer enrolled in the cohort "${p.cohortName}" of the course "${p.courseTitle}".`,
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
      ],
    }),
  },
  'session-created': {
    ar: (p, list) => ({
      subject: `حصة جديدة: ${p.title}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        ...(list.length > 1
          ? [`تمت برمجة ${list.length} حصص «${p.title}»:`, ...list]
          : [`تمت برمجة الحصة «${p.title}» في ${p.starts}.`]),
        'دعوات التقويم مرفقة بهذه الرسالة.',
      ],
      action: 'جدولي',
    }),
    fr: (p, list) => ({
      subject: `Nouvelle séance : ${p.title}`,
      lines: [
        `Bonjour ${p.fullName},`,
        ...(list.length > 1
          ? [`${list.length} séances « ${p.title} » sont programmées :`, ...list]
          : [`La séance « ${p.title} » est programmée le ${p.starts}.`]),
        'Les invitations pour votre agenda sont jointes.',
      ],
      action: 'Mon planning',
    }),
    en: (p, list) => ({
      subject: `New session: ${p.title}`,
      lines: [
        `Hello ${p.fullName},`,
        ...(list.length > 1
          ? [`${list.length} sessions "${p.title}" are scheduled:`, ...list]
          : [`The session "${p.title}" is scheduled for ${p.starts}.`]),
        'The calendar invitations are attached.',
      ],
      action: 'My schedule',
    }),
  },
  'certificate-issued': {
    ar: (p) => ({
      subject: `شهادتك جاهزة: ${p.courseTitle}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `تهانينا! صدرت شهادتك لتكوين «${p.courseTitle}» (الفوج «${p.cohortName}»).`,
        `رمز التحقق: ${p.code}`,
      ],
      action: 'تحميل الشهادة',
    }),
    fr: (p) => ({
      subject: `Votre certificat est prêt : ${p.courseTitle}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `Félicitations ! Votre certificat de la formation « ${p.courseTitle} » (cohorte « ${p.cohortName} ») est délivré.`,
        `Code de vérification : ${p.code}`,
      ],
      action: 'Télécharger le certificat',
    }),
    en: (p) => ({
      subject: `Your certificate is ready: ${p.courseTitle}`,
      lines: [
        `Hello ${p.fullName},`,
        `Congratulations! Your certificate for the course "${p.courseTitle}" (cohort "${p.cohortName}") is issued.`,
        `Verification code: ${p.code}`,
      ],
      action: 'Download the certificate',
    }),
  },
  'certificate-revoked': {
    ar: (p) => ({
      subject: `تم إلغاء شهادتك: ${p.courseTitle}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `تم إلغاء شهادتك لتكوين «${p.courseTitle}» (الرمز ${p.code}). لم تعد صفحة التحقق تعتبرها صالحة.`,
        ...(p.reason ? [`السبب: ${p.reason}`] : []),
      ],
    }),
    fr: (p) => ({
      subject: `Certificat révoqué : ${p.courseTitle}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `Votre certificat de la formation « ${p.courseTitle} » (code ${p.code}) est révoqué. La page de vérification ne le donne plus pour valide.`,
        ...(p.reason ? [`Motif : ${p.reason}`] : []),
      ],
    }),
    en: (p) => ({
      subject: `Certificate revoked: ${p.courseTitle}`,
      lines: [
        `Hello ${p.fullName},`,
        `Your certificate for the course "${p.courseTitle}" (code ${p.code}) is revoked. The verification page no longer shows it as valid.`,
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
      ],
    }),
  },
  'quiz-opened': {
    ar: (p) => ({
      subject: `الاختبار مفتوح: ${p.quizTitle}`,
      lines: [
        `مرحبا ${p.fullName}،`,
        `يمكنك الآن اجتياز الاختبار «${p.quizTitle}» (الفوج «${p.cohortName}»).`,
        ...(p.closes ? [`يُغلق في ${p.closes}.`] : []),
      ],
      action: 'اجتياز الاختبار',
    }),
    fr: (p) => ({
      subject: `Quiz ouvert : ${p.quizTitle}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `Vous pouvez maintenant passer le quiz « ${p.quizTitle} » (cohorte « ${p.cohortName} »).`,
        ...(p.closes ? [`Il ferme le ${p.closes}.`] : []),
      ],
      action: 'Passer le quiz',
    }),
    en: (p) => ({
      subject: `Quiz open: ${p.quizTitle}`,
      lines: [
        `Hello ${p.fullName},`,
        `You can now take the quiz "${p.quizTitle}" (cohort "${p.cohortName}").`,
        ...(p.closes ? [`It closes on ${p.closes}.`] : []),
      ],
      action: 'Take the quiz',
    }),
  },
  'recording-available': {
    ar: (p) => ({
      subject: `التسجيل متاح: ${p.title}`,
      lines: [`مرحبا ${p.fullName}،`, `تسجيل الحصة «${p.title}» (${p.starts}) متاح للمشاهدة.`],
      action: 'مشاهدة التسجيل',
    }),
    fr: (p) => ({
      subject: `Enregistrement disponible : ${p.title}`,
      lines: [
        `Bonjour ${p.fullName},`,
        `L’enregistrement de la séance « ${p.title} » (${p.starts}) est disponible.`,
      ],
      action: 'Voir l’enregistrement',
    }),
    en: (p) => ({
      subject: `Recording available: ${p.title}`,
      lines: [
        `Hello ${p.fullName},`,
        `The recording of the session "${p.title}" (${p.starts}) is available.`,
      ],
      action: 'Watch the recording',
    }),
  },
  digest: {
    ar: (p, list) => ({
      subject: `ملخص اليوم: ${list.length} ${list.length === 1 ? 'إشعار' : 'إشعارات'}`,
      lines: [`مرحبا ${p.fullName}،`, 'هذه إشعاراتك منذ الملخص السابق:', ...list],
      action: 'كل الإشعارات',
    }),
    fr: (p, list) => ({
      subject: `Votre résumé du jour : ${list.length} ${list.length === 1 ? 'avis' : 'avis'}`,
      lines: [`Bonjour ${p.fullName},`, 'Voici vos avis depuis le dernier résumé :', ...list],
      action: 'Tous les avis',
    }),
    en: (p, list) => ({
      subject: `Your daily digest: ${list.length} ${list.length === 1 ? 'notice' : 'notices'}`,
      lines: [`Hello ${p.fullName},`, 'Here are your notices since the last digest:', ...list],
      action: 'All notices',
    }),
  },
};

/** The templates that have an e-mail: a notice of one of these kinds is e-mailed per the person's choice. */
export const hasMailTemplate = (kind: string): kind is MailTemplate => Object.hasOwn(TEMPLATES, kind);

/** Every `…At` instant also worded in the recipient's language and zone, under its name without `At`. */
function worded(raw: Record<string, string>, locale: Locale, zone: string): Record<string, string> {
  const params: Record<string, string> = { ...raw };
  for (const [key, value] of Object.entries(raw)) {
    if (key.endsWith('At') && key !== 'At' && !Number.isNaN(Date.parse(value)))
      params[key.slice(0, -2)] = formatInstant(value, locale, zone);
  }
  return params;
}

/** Renders a queued e-mail in the recipient's language, as text and as direction-aware HTML. */
export function renderMail(job: MailJob): Rendered {
  const zone = job.params.timeZone ?? 'UTC';
  const params = worded(job.params, job.locale, zone);
  const list = job.digest
    ? job.digest.map((entry) => {
        // Each notice by its subject and the sentence its own e-mail opens with (after the greeting):
        // two cancellations of one course say which sessions.
        const { subject, lines } = TEMPLATES[entry.template][job.locale](
          worded({ ...entry.params, timeZone: zone }, job.locale, zone),
          [],
        );
        return lines[1] ? `• ${subject} — ${lines[1]}` : `• ${subject}`;
      })
    : (job.items ?? []).map((item) => formatItem(item, job.locale, zone));
  const { subject, lines, action } = TEMPLATES[job.template][job.locale](params, list);
  const dir = job.locale === 'ar' ? 'rtl' : 'ltr';
  const link = action && job.params.link ? { action, href: job.params.link } : null;
  const text = [...lines, ...(link ? ['', `${link.action}: ${link.href}`] : [])].join('\n');
  const html = `<!doctype html><html lang="${job.locale}" dir="${dir}"><body style="font-family:sans-serif">${lines
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join(
      '',
    )}${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.action)}</a></p>` : ''}</body></html>`;
  return { subject, text, html };
}
