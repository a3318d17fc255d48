import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const CODE = 'K7Q2M4XJ5ZB3R6T2W4YH7D5N3P6L2C4F';

const certificate: Schemas['PublicCertificateDto'] = {
  holderName: 'ياسمين بناني',
  courseTitle: { fr: 'Maintenance aéronautique', ar: 'صيانة الطائرات' },
  cohortName: 'Kénitra — printemps',
  issuedAt: '2026-06-30T10:00:00Z',
  status: 'valid',
};

function publicApi(answer: () => Response) {
  return fakeFetch({ [`GET /api/public/certificates/${CODE}`]: answer });
}

describe('certificate verification (public)', () => {
  it('shows a valid certificate to someone not signed in', async () => {
    renderApp({ route: `/verify/${CODE}`, fetch: publicApi(() => json(200, certificate)) });

    expect((await screen.findByTestId('verify-valid')).textContent).toContain('Certificat valide');
    expect(screen.getByTestId('verify-result').getAttribute('data-status')).toBe('valid');
    expect(screen.getByTestId('verify-holder').textContent).toBe('ياسمين بناني');
    expect(screen.getByTestId('verify-field-course').textContent).toBe('Maintenance aéronautique');
    expect(screen.getByTestId('verify-field-cohort').textContent).toBe('Kénitra — printemps');
    expect(screen.getByTestId('verify-field-issued').textContent).toBe('30 juin 2026');
    expect(screen.getByTestId('verify-field-code').textContent).toBe(CODE);
    expect(screen.getByTestId('certificate-status').textContent).toBe('Valide');
    expect(screen.queryByTestId('verify-revoked')).toBeNull();
  });

  it('says clearly that a revoked certificate is revoked', async () => {
    const revoked = { ...certificate, status: 'revoked' as const };
    renderApp({ route: `/verify/${CODE}`, fetch: publicApi(() => json(200, revoked)) });

    const alert = await screen.findByTestId('verify-revoked');
    expect(alert.textContent).toContain('Certificat révoqué');
    expect(alert.textContent).toContain('Il n’atteste plus cette formation');
    expect(screen.getByTestId('verify-result').getAttribute('data-status')).toBe('revoked');
    expect(screen.queryByTestId('verify-valid')).toBeNull();
  });

  it('says that a certificate withdrawn at its holder’s request names nobody', async () => {
    const withdrawn = { ...certificate, holderName: '', status: 'withdrawn' as const };
    renderApp({ route: `/verify/${CODE}`, fetch: publicApi(() => json(200, withdrawn)) });

    const alert = await screen.findByTestId('verify-withdrawn');
    expect(alert.textContent).toContain('Certificat retiré');
    expect(alert.textContent).toContain('retiré à la demande de son titulaire');
    expect(screen.getByTestId('verify-result').getAttribute('data-status')).toBe('withdrawn');
    expect(screen.queryByTestId('verify-holder')).toBeNull();
    expect(screen.queryByTestId('verify-valid')).toBeNull();
  });

  it('says that an unknown code belongs to no certificate', async () => {
    renderApp({ route: '/verify/NOPE', fetch: fakeFetch({}) });

    expect((await screen.findByTestId('verify-unknown')).textContent).toContain('Certificat inconnu');
    expect(screen.queryByTestId('verify-result')).toBeNull();
  });

  it('checks a code typed into the form', async () => {
    renderApp({ route: '/verify', fetch: publicApi(() => json(200, certificate)) });

    fireEvent.change(await screen.findByTestId('verify-code'), { target: { value: ` ${CODE} ` } });
    fireEvent.click(screen.getByTestId('verify-submit'));

    await screen.findByTestId('verify-valid');
    expect(window.location.pathname).toBe(`/verify/${CODE}`);
  });
});
