import type { Locale } from '@mre/contracts';
import type { MailJob } from '../../core/queue/queue-name';
import type { OutgoingMail } from '../../core/mail/mail-transport';

type Rendered = Omit<OutgoingMail, 'to'>;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${formatted} (${timeZone})`;
}

const INVITATION: Record<Locale, (p: Record<string, string>) => { subject: string; lines: string[]; action: string }> = {
  ar: (p) => ({
    subject: 'دعوة للانضمام إلى MRE Academy',
    lines: [`مرحبا ${p.fullName}،`, 'تمت دعوتك إلى منصة MRE Academy للتكوين عن بعد. اختر كلمة مرورك عبر الرابط التالي.', `ينتهي هذا الرابط في ${p.expires}.`],
    action: 'قبول الدعوة',
  }),
  fr: (p) => ({
    subject: 'Invitation à rejoindre MRE Academy',
    lines: [`Bonjour ${p.fullName},`, 'Vous êtes invité(e) sur MRE Academy, la plateforme de formation à distance. Choisissez votre mot de passe avec le lien ci-dessous.', `Ce lien expire le ${p.expires}.`],
    action: "Accepter l'invitation",
  }),
  en: (p) => ({
    subject: 'Your invitation to MRE Academy',
    lines: [`Hello ${p.fullName},`, 'You have been invited to MRE Academy, the remote training platform. Choose your password with the link below.', `This link expires on ${p.expires}.`],
    action: 'Accept the invitation',
  }),
};

/** Renders a queued e-mail in the recipient's language, as text and as right-to-left-aware HTML. */
export function renderMail(job: MailJob): Rendered {
  const params = { ...job.params, expires: formatInstant(job.params.expiresAt, job.locale, job.params.timeZone ?? 'UTC') };
  const { subject, lines, action } = INVITATION[job.locale](params);
  const dir = job.locale === 'ar' ? 'rtl' : 'ltr';
  const text = [...lines, '', `${action}: ${job.params.link}`].join('\n');
  const html = `<!doctype html><html lang="${job.locale}" dir="${dir}"><body style="font-family:sans-serif">${lines
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}<p><a href="${escapeHtml(job.params.link)}">${escapeHtml(action)}</a></p></body></html>`;
  return { subject, text, html };
}
