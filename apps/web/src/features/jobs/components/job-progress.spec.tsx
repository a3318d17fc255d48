import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { createAppServices } from '@/app/app-services';
import { TRANSLATIONS } from '@/test/translations';
import { ServicesContext } from '@/shared/api/services.context';
import { API_ORIGIN, fakeFetch, json } from '@/test/fake-api';
import { useJob } from '../api/jobs.api';
import { JobProgress } from './job-progress';

const JOB_ID = '00000000-0000-4000-8000-0000000000f1';
const REFRESH_KEY = ['certificates'] as const;

/** The certificate-issuing screen's use of the two: its texts, its test ids, a report once completed. */
function IssuingJob({ jobId }: { jobId: string | null }) {
  const { t } = useTranslation();
  const job = useJob(jobId, REFRESH_KEY);
  return (
    <JobProgress
      job={job}
      texts={{
        state: (state) => t(`certificates.issue.state.${state}`),
        progress: t('certificates.issue.progress'),
      }}
      testId="issue"
    >
      {job.data?.state === 'completed' && <p data-testid="report">report</p>}
    </JobProgress>
  );
}

function renderJob(answers: () => Response, jobId: string | null = JOB_ID) {
  let asked = 0;
  const fetch = fakeFetch({
    [`GET /api/jobs/${JOB_ID}`]: () => {
      asked++;
      return answers();
    },
  });
  const services = createAppServices({
    baseUrl: API_ORIGIN,
    fetch,
    retry: false,
    storage: localStorage,
    translations: TRANSLATIONS,
  });
  const refreshed = vi.spyOn(services.queryClient, 'invalidateQueries');
  render(
    <ServicesContext value={services}>
      <I18nextProvider i18n={services.i18n}>
        <MantineProvider>
          <QueryClientProvider client={services.queryClient}>
            <IssuingJob jobId={jobId} />
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    </ServicesContext>,
  );
  return { services, refreshed, asked: () => asked };
}

const job = (fields: Partial<Schemas['JobDto']>): Schemas['JobDto'] => ({
  id: JOB_ID,
  state: 'waiting',
  progress: 0,
  ...fields,
});

describe('job progress', () => {
  it('shows a job waiting at 0 % until the first answer, and asks nothing without a job', async () => {
    const { asked } = renderJob(() => json(200, job({})), null);

    expect(screen.getByTestId('issue-job').getAttribute('data-state')).toBe('waiting');
    expect(screen.getByTestId('issue-state').textContent).toBe('En attente de traitement…');
    expect(screen.getByTestId('issue-progress-label').textContent).toBe('0\u00a0%');
    expect(screen.getByRole('progressbar', { name: 'Progression de la délivrance' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked()).toBe(0);
  });

  it('follows the progress until the job completes, then shows the report, refreshes and stops asking', async () => {
    const answers = [
      job({ state: 'active', progress: 40 }),
      job({
        state: 'completed',
        progress: 100,
        result: { issued: 3, alreadyIssued: 0, notEligible: 1, heldSessions: 5, finalQuizMissing: false },
      }),
    ];
    let n = 0;
    const { refreshed, asked } = renderJob(() => json(200, answers[Math.min(n++, answers.length - 1)]));

    const bar = await screen.findByTestId('issue-progress');
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('40'));
    expect(screen.getByTestId('issue-state').textContent).toBe('Délivrance en cours…');
    expect(screen.getByTestId('issue-progress-label').textContent).toBe('40\u00a0%');
    expect(screen.queryByTestId('report')).toBeNull();

    await screen.findByTestId('report', {}, { timeout: 3000 });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByTestId('issue-state').textContent).toBe('Certificats délivrés');
    expect(screen.getByTestId('issue-job').getAttribute('data-state')).toBe('completed');
    await waitFor(() => expect(refreshed).toHaveBeenCalledWith({ queryKey: REFRESH_KEY }));
    const askedAtEnd = asked();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(asked()).toBe(askedAtEnd);
  });

  it('keeps a failed job’s bar where it stopped and says it failed, in Arabic too', async () => {
    const { services, refreshed } = renderJob(() => json(200, job({ state: 'failed', progress: 30 })));

    const failed = await screen.findByTestId('issue-failed');
    expect(failed.textContent).toContain('La délivrance a échoué');
    // No reason given: the generic sentence, never an empty alert.
    expect(failed.textContent).toContain('Une erreur est survenue sur le serveur. Réessayez.');
    expect(screen.getByTestId('issue-progress').getAttribute('aria-valuenow')).toBe('30');

    await act(() => services.i18n.changeLanguage('ar'));
    expect(screen.getByTestId('issue-failed').textContent).toContain('فشل منح الشهادات');
    expect(screen.getByTestId('issue-progress-label').textContent).toBe('30\u200e%\u200e');
    expect(screen.getByRole('progressbar', { name: 'تقدم منح الشهادات' })).toBeTruthy();
    expect(refreshed).not.toHaveBeenCalled();
  });

  it('shows why a job cannot be read, and asks again on retry', async () => {
    const { asked } = renderJob(() =>
      json(404, { statusCode: 404, error: 'Not Found', message: 'Job not found', code: 'job-not-found' }),
    );

    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('Cette tâche n’existe pas ou ne vous est pas accessible.');
    expect(screen.queryByTestId('issue-job')).toBeNull();
    const askedBefore = asked();
    fireEvent.click(within(error).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(asked()).toBe(askedBefore + 1));
  });
});
