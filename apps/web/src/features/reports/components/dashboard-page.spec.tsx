import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const NETWORK_ID = '00000000-0000-4000-8000-0000000000a1';
const CENTRE_ID = '00000000-0000-4000-8000-0000000000d1';

const overview: Schemas['ReportOverviewDto'] = {
  beneficiaries: {
    total: 351,
    byNetwork: [{ networkId: NETWORK_ID, name: 'Compétences du Canada', count: 351 }],
    bySector: [{ sectorCode: 'aeronautics', count: 351 }],
    byCentre: [{ centreId: CENTRE_ID, name: 'ISTA Kénitra', count: 351 }],
    byCohortKind: [
      { kind: 'trainees', count: 300 },
      { kind: 'trainers', count: 51 },
    ],
  },
  sessionsHeld: 42,
  hoursDelivered: 120,
  averageAttendancePercent: 87.5,
  certificatesIssued: 280,
  byMonth: [{ month: '2026-03', sessionsHeld: 42, hoursDelivered: 120, averageAttendancePercent: 87.5 }],
  cascade: [
    {
      networkId: NETWORK_ID,
      name: 'Compétences du Canada',
      direct: 51,
      indirect: 300,
      chain: [
        {
          trainersCohortId: '00000000-0000-4000-8000-0000000000b1',
          trainersCohortName: 'Formateurs Kénitra',
          certifiedTrainers: 12,
          taughtCohorts: 6,
          trainees: 300,
        },
      ],
    },
  ],
};

const measures = (pre: number, post: number, gain: number) => ({
  preTestAverage: pre,
  preTestCount: 3,
  postTestAverage: post,
  postTestCount: 2,
  gain,
  pairedCount: 2,
});
const learningGain: Schemas['LearningGainReportDto'] = {
  total: measures(63.3, 75, 25),
  byNetwork: [{ networkId: NETWORK_ID, name: 'Compétences du Canada', ...measures(63.3, 75, 25) }],
  bySector: [{ sectorCode: 'aeronautics', ...measures(63.3, 75, 25) }],
  byCentre: [{ centreId: CENTRE_ID, name: 'ISTA Kénitra', ...measures(50, 45.5, -4.5) }],
  byCohortKind: [{ kind: 'trainees', ...measures(63.3, 75, 25) }],
};
const satisfaction: Schemas['SatisfactionReportDto'] = {
  byNetwork: [
    {
      networkId: NETWORK_ID,
      name: 'Compétences du Canada',
      content: 3.25,
      clarity: 3.5,
      audioVideo: 1.75,
      answers: 4,
      sessions: 2,
    },
  ],
  byExpert: [
    {
      expertId: '00000000-0000-4000-8000-0000000000e1',
      name: 'Eva Experte',
      content: 4,
      clarity: 4.33,
      audioVideo: 2,
      answers: 3,
      sessions: 1,
    },
  ],
};

const FILTERS = `from=2026-01-01&networkId=${NETWORK_ID}`;
// The dashboard is a lazy chunk with the chart library: its first load in a run may take a while.
const LAZY_ROUTE = { timeout: 10_000 };

function dashboardApi(routes: Parameters<typeof fakeFetch>[0] = {}) {
  return fakeFetch({
    'GET /api/me': () => json(200, adminUser),
    'GET /api/sectors': () => json(200, emptyList),
    'GET /api/networks': () => json(200, emptyList),
    'GET /api/centres': () => json(200, emptyList),
    'GET /api/reports/overview': () => json(200, overview),
    'GET /api/reports/learning-gain': () => json(200, learningGain),
    'GET /api/reports/satisfaction': () => json(200, satisfaction),
    ...routes,
  });
}

afterEach(() => vi.restoreAllMocks());

/** Under Node 24 the test page's Blob is jsdom's, which has no text(): read it as old browsers do. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('programme dashboard', () => {
  it('shows the KPIs of the overview, asked for with the filters of the URL', async () => {
    const asked: URLSearchParams[] = [];
    renderApp({
      route: `/admin/dashboard?${FILTERS}`,
      signedIn: true,
      fetch: dashboardApi({
        'GET /api/reports/overview': (request) => {
          asked.push(new URL(request.url).searchParams);
          return json(200, overview);
        },
      }),
    });

    expect((await screen.findByTestId('kpi-beneficiaries-value', {}, LAZY_ROUTE)).textContent).toBe('351');
    expect(screen.getByTestId('kpi-sessions-held-value').textContent).toBe('42');
    expect(screen.getByTestId('kpi-hours-delivered-value').textContent).toBe('120');
    expect(screen.getByTestId('kpi-average-attendance-value').textContent).toMatch(/^87,5\s%$/);
    expect(screen.getByTestId('kpi-certificates-issued-value').textContent).toBe('280');
    expect(screen.getByTestId('kpi-beneficiaries').textContent).toContain('Bénéficiaires');
    expect(screen.getByTestId('cascade-direct').textContent).toBe('Directs : 51');
    expect(screen.getByTestId('cascade-indirect').textContent).toBe('Indirects : 300');
    expect(screen.getByTestId('cascade-chain').textContent).toContain('Formateurs Kénitra');
    expect(Object.fromEntries(asked[0])).toEqual({ from: '2026-01-01', networkId: NETWORK_ID });
  });

  it('downloads the beneficiaries CSV for the same filters, with the session token', async () => {
    const exports: Request[] = [];
    const createObjectURL = vi.fn((_file: Blob) => 'blob:beneficiaries');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp({
      route: `/admin/dashboard?${FILTERS}`,
      signedIn: true,
      fetch: dashboardApi({
        'GET /api/reports/beneficiaries.csv': (request) => {
          exports.push(request);
          return new Response('\uFEFFfull_name,email\r\n', { headers: { 'Content-Type': 'text/csv' } });
        },
      }),
    });

    fireEvent.click(await screen.findByTestId('report-export', {}, LAZY_ROUTE));

    await waitFor(() => expect(click).toHaveBeenCalledOnce());
    expect(exports).toHaveLength(1);
    expect(Object.fromEntries(new URL(exports[0].url).searchParams)).toEqual({
      from: '2026-01-01',
      networkId: NETWORK_ID,
    });
    expect(exports[0].headers.get('Authorization')).toBe('Bearer access');
    const blob = createObjectURL.mock.calls[0][0];
    expect(await readText(blob)).toContain('full_name,email');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('beneficiaries.csv');
  });

  it('says so when no one matches the filters', async () => {
    const nobody = {
      ...overview,
      beneficiaries: { total: 0, byNetwork: [], bySector: [], byCentre: [], byCohortKind: [] },
      sessionsHeld: 0,
    };
    renderApp({
      route: '/admin/dashboard',
      signedIn: true,
      fetch: dashboardApi({ 'GET /api/reports/overview': () => json(200, nobody) }),
    });

    expect((await screen.findByTestId('empty-state', {}, LAZY_ROUTE)).textContent).toContain(
      'Aucun bénéficiaire',
    );
  });

  it('shows an error with a retry', async () => {
    renderApp({
      route: '/admin/dashboard',
      signedIn: true,
      fetch: dashboardApi({
        'GET /api/reports/overview': () => json(500, { statusCode: 500, message: 'down' }),
      }),
    });

    expect((await screen.findByTestId('error-state', {}, LAZY_ROUTE)).textContent).toContain('Réessayer');
  });

  it('shows the learning gain in total and per group the reader picks, and the satisfaction per network and expert', async () => {
    const asked: URLSearchParams[] = [];
    renderApp({
      route: `/admin/dashboard?${FILTERS}`,
      signedIn: true,
      fetch: dashboardApi({
        'GET /api/reports/learning-gain': (request) => {
          asked.push(new URL(request.url).searchParams);
          return json(200, learningGain);
        },
      }),
    });

    await screen.findByTestId('learning-gain-total', {}, LAZY_ROUTE);
    expect(screen.getByTestId('learning-gain-pre').textContent).toMatch(/^Pré-test63,3\s%3 personnes$/);
    expect(screen.getByTestId('learning-gain-post').textContent).toMatch(/^Post-test75\s%2 personnes$/);
    expect(screen.getByTestId('learning-gain-gain').textContent).toBe('Gain (points)+252 personnes');
    expect(Object.fromEntries(asked[0])).toEqual({ from: '2026-01-01', networkId: NETWORK_ID });

    const rows = () =>
      Array.from(screen.getByTestId('learning-gain-table').querySelectorAll('tbody tr')).map(
        (row) => row.textContent,
      );
    expect(rows()).toEqual([
      expect.stringMatching(/^Compétences du Canada63,3\s% \(3\)75\s% \(2\)\+25 \(2\)$/),
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'Centre' }));
    expect(rows()).toEqual([expect.stringMatching(/^ISTA Kénitra50\s% \(3\)45,5\s% \(2\)-4,5 \(2\)$/)]);

    const networks = screen.getByTestId('satisfaction-networks');
    expect(networks.querySelector('tbody tr')?.textContent).toBe('Compétences du Canada3,253,51,7542');
    const experts = screen.getByTestId('satisfaction-experts');
    expect(experts.querySelector('tbody tr')?.textContent).toBe('Eva Experte44,33231');
  });

  it('downloads the learning gain and satisfaction CSV files for the same filters', async () => {
    const exports: string[] = [];
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const csv = (request: Request) => {
      exports.push(`${new URL(request.url).pathname}?${new URL(request.url).searchParams}`);
      return new Response('\uFEFFa\r\n', { headers: { 'Content-Type': 'text/csv' } });
    };
    renderApp({
      route: `/admin/dashboard?${FILTERS}`,
      signedIn: true,
      fetch: dashboardApi({
        'GET /api/reports/learning-gain.csv': csv,
        'GET /api/reports/satisfaction.csv': csv,
      }),
    });

    fireEvent.click(await screen.findByTestId('learning-gain-export', {}, LAZY_ROUTE));
    await waitFor(() => expect(click).toHaveBeenCalledOnce());
    fireEvent.click(screen.getByTestId('satisfaction-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    const query = `from=2026-01-01&networkId=${NETWORK_ID}`;
    expect(exports).toEqual([
      `/api/reports/learning-gain.csv?${query}`,
      `/api/reports/satisfaction.csv?${query}`,
    ]);
    expect(click.mock.contexts.map((anchor) => (anchor as HTMLAnchorElement).download)).toEqual([
      'learning-gain.csv',
      'satisfaction.csv',
    ]);
  });
});
