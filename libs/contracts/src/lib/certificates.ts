export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** What the public verification page says: a certificate withdrawn at its holder's request names nobody. */
export const PUBLIC_CERTIFICATE_STATUSES = [...CERTIFICATE_STATUSES, 'withdrawn'] as const;
export type PublicCertificateStatus = (typeof PUBLIC_CERTIFICATE_STATUSES)[number];
