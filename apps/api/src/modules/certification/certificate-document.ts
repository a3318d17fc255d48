import { DEFAULT_TIME_ZONE, intlLocale, isRtl, type Locale } from '@mre/contracts';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toString as qrCode } from 'qrcode';
import { escapeHtml } from '@/core/text/escape-html';

/** What a certificate PDF shows, already in the holder's language. */
export interface CertificateContent {
  locale: Locale;
  code: string;
  holderName: string;
  courseTitle: string;
  cohortName: string;
  centreName: string;
  networkName: string;
  hours: number;
  issuedAt: Date;
  verifyUrl: string;
}

interface Labels {
  heading: string;
  intro: string;
  completed: string;
  cohort: string;
  centre: string;
  network: string;
  duration: string;
  hours: (n: number) => string;
  issued: string;
  code: string;
  verify: string;
}

const LABELS: Record<Locale, Labels> = {
  ar: {
    heading: 'شهادة تكوين',
    intro: 'تشهد أكاديمية مغاربة العالم بأن',
    completed: 'قد أتمّ بنجاح التكوين',
    cohort: 'الفوج',
    centre: 'المركز',
    network: 'الشبكة',
    duration: 'المدة',
    hours: (n) => `${n} ساعة`,
    issued: 'تاريخ الإصدار',
    code: 'رمز التحقق',
    verify: 'للتحقق من هذه الشهادة',
  },
  fr: {
    heading: 'Attestation de formation',
    intro: 'MRE Academy atteste que',
    completed: 'a suivi avec succès la formation',
    cohort: 'Cohorte',
    centre: 'Centre',
    network: 'Réseau',
    duration: 'Durée',
    hours: (n) => `${n} heures`,
    issued: 'Délivrée le',
    code: 'Code de vérification',
    verify: 'Vérifier cette attestation',
  },
  en: {
    heading: 'Certificate of completion',
    intro: 'MRE Academy certifies that',
    completed: 'has successfully completed the training',
    cohort: 'Cohort',
    centre: 'Centre',
    network: 'Network',
    duration: 'Duration',
    hours: (n) => `${n} hours`,
    issued: 'Issued on',
    code: 'Verification code',
    verify: 'Verify this certificate',
  },
};

/** Text that may be Arabic or Latin (names, titles), isolated so it never reorders its neighbours. */
const isolated = (value: string) => `<bdi dir="auto">${escapeHtml(value)}</bdi>`;

let fontFaces: string | undefined;

/**
 * Amiri (SIL Open Font License, Arabic and Latin) from @fontsource/amiri, its @font-face rules
 * kept with their unicode ranges and the files inlined as data URLs: the page loads nothing.
 */
function amiriFontFaces(): string {
  if (fontFaces) return fontFaces;
  const root = dirname(require.resolve('@fontsource/amiri/package.json'));
  const inline = (css: string) =>
    css.replace(/src: url\(\.\/files\/([\w-]+\.woff2)\) format\('woff2'\)[^;]*;/g, (_rule, file: string) => {
      const data = readFileSync(join(root, 'files', file)).toString('base64');
      return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
    });
  fontFaces = ['400.css', '700.css'].map((file) => inline(readFileSync(join(root, file), 'utf8'))).join('\n');
  return fontFaces;
}

/** The certificate as an HTML page for Chromium to print; the page title becomes the PDF's /Title. */
export async function certificateHtml(content: CertificateContent): Promise<string> {
  const l = LABELS[content.locale];
  const dir = isRtl(content.locale) ? 'rtl' : 'ltr';
  const issued = new Intl.DateTimeFormat(intlLocale(content.locale), {
    dateStyle: 'long',
    timeZone: DEFAULT_TIME_ZONE,
  }).format(content.issuedAt);
  const qr = await qrCode(content.verifyUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  const fact = (label: string, value: string) =>
    `<div class="fact"><span class="label">${escapeHtml(label)}</span><span class="value">${value}</span></div>`;
  return `<!doctype html>
<html lang="${content.locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>MRE Academy certificate ${escapeHtml(content.code)}</title>
<style>
${amiriFontFaces()}
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; width: 297mm; height: 210mm; font-family: 'Amiri', serif; color: #1d2a38; }
.sheet { position: absolute; inset: 10mm; border: 2.5mm double #1f5f8b; padding: 12mm 18mm; display: flex; flex-direction: column; align-items: center; text-align: center; }
.brand { font-size: 15pt; letter-spacing: 0.08em; color: #1f5f8b; }
h1 { font-size: 34pt; margin: 4mm 0 6mm; font-weight: 700; }
.intro, .completed { font-size: 15pt; margin: 0; }
.holder { font-size: 30pt; font-weight: 700; margin: 3mm 0 4mm; color: #0f3b5c; }
.course { font-size: 21pt; font-weight: 700; margin: 2mm 0 7mm; }
.facts { display: grid; grid-template-columns: repeat(5, auto); gap: 3mm 10mm; justify-content: center; font-size: 12.5pt; }
.fact { display: flex; flex-direction: column; }
.label { color: #5b6b7b; font-size: 10.5pt; }
.value { font-weight: 700; }
.footer { margin-top: auto; width: 100%; display: flex; align-items: flex-end; justify-content: space-between; gap: 10mm; }
.check { text-align: start; font-size: 11pt; }
.code { font-size: 14pt; font-weight: 700; letter-spacing: 0.04em; direction: ltr; unicode-bidi: isolate; }
.url { direction: ltr; unicode-bidi: isolate; font-size: 9.5pt; color: #5b6b7b; }
.qr { width: 34mm; height: 34mm; }
.qr svg { width: 100%; height: 100%; }
</style>
</head>
<body>
<div class="sheet">
  <div class="brand">MRE Academy</div>
  <h1>${escapeHtml(l.heading)}</h1>
  <p class="intro">${escapeHtml(l.intro)}</p>
  <div class="holder">${isolated(content.holderName)}</div>
  <p class="completed">${escapeHtml(l.completed)}</p>
  <div class="course">${isolated(content.courseTitle)}</div>
  <div class="facts">
    ${fact(l.cohort, isolated(content.cohortName))}
    ${fact(l.centre, isolated(content.centreName))}
    ${fact(l.network, isolated(content.networkName))}
    ${fact(l.duration, escapeHtml(l.hours(content.hours)))}
    ${fact(l.issued, escapeHtml(issued))}
  </div>
  <div class="footer">
    <div class="check">
      <div class="label">${escapeHtml(l.code)}</div>
      <div class="code">${escapeHtml(content.code)}</div>
      <div class="label">${escapeHtml(l.verify)}</div>
      <div class="url">${escapeHtml(content.verifyUrl)}</div>
    </div>
    <div class="qr">${qr}</div>
  </div>
</div>
</body>
</html>`;
}
