import { intlLocale, zonePlace, type Locale } from '@mre/contracts';
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
        `L’équipe de formation a publié une annonce pour votre groupe${p.cohortName ? ` « ${p.cohortName} »` : ''} : « ${p.title} ».`,
        'Lisez-la sur la page du groupe.',
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
};

/** Renders a queued e-mail in the recipient's language, as text and as direction-aware HTML. */
export function renderMail(job: MailJob): Rendered {
  const zone = job.params.timeZone ?? 'UTC';
  const params: Record<string, string> = { ...job.params };
  if (job.params.expiresAt) params.expires = formatInstant(job.params.expiresAt, job.locale, zone);
  if (job.params.startsAt) params.starts = formatInstant(job.params.startsAt, job.locale, zone);
  const list = (job.items ?? []).map((item) => formatItem(item, job.locale, zone));
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
