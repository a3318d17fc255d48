import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const network: Schemas['NetworkDto'] = {
  id: '00000000-0000-4000-8000-0000000000a1',
  name: 'Compétences du Canada',
  names: { fr: 'Compétences du Canada' },
  country: 'Canada',
  countryCode: 'CA',
  sectorCodes: ['aeronautics'],
};

const course: Schemas['CourseDto'] = {
  id: '00000000-0000-4000-8000-0000000000c1',
  code: 'AERO-101',
  title: { ar: 'مدخل إلى صناعة الطيران' }, // no French title: the card falls back to Arabic
  summary: null,
  sectorCode: 'aeronautics',
  networkId: network.id,
  format: 'hybrid',
  durationHours: 12,
  status: 'draft',
  expertIds: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

function catalogue(courses: (request: Request) => Response | Promise<Response>) {
  return fakeFetch({
    'GET /api/me': () => json(200, adminUser),
    'GET /api/sectors': () => json(200, emptyList),
    'GET /api/networks': () => json(200, { items: [network], total: 1 }),
    'GET /api/courses': courses,
  });
}

describe('catalogue', () => {
  it('shows a loading state until the courses arrive', async () => {
    let answer: (response: Response) => void = () => undefined;
    const pending = new Promise<Response>((resolve) => (answer = resolve));
    renderApp({ route: '/courses', signedIn: true, fetch: catalogue(() => pending) });

    await screen.findByRole('heading', { name: 'Catalogue des formations' });
    expect(screen.getByTestId('loading-state').textContent).toContain('Chargement…');

    answer(json(200, { items: [course], total: 1 }));
    await screen.findByTestId('course-card');
    expect(screen.queryByTestId('loading-state')).toBeNull();
  });

  it('says so when no course matches', async () => {
    renderApp({ route: '/courses', signedIn: true, fetch: catalogue(() => json(200, emptyList)) });

    expect((await screen.findByTestId('empty-state')).textContent).toContain('Aucune formation trouvée');
  });

  it('shows an error with a retry that reloads the list', async () => {
    let failing = true;
    renderApp({
      route: '/courses',
      signedIn: true,
      fetch: catalogue(() =>
        failing
          ? json(500, { statusCode: 500, error: 'Internal Server Error', message: 'boom' })
          : json(200, { items: [course], total: 1 }),
      ),
    });

    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('Une erreur est survenue sur le serveur.');

    failing = false;
    fireEvent.click(within(error).getByRole('button', { name: 'Réessayer' }));
    await screen.findByTestId('course-card');
  });

  it('shows each course with its facts, in another language when the UI language is missing', async () => {
    renderApp({
      route: '/courses',
      signedIn: true,
      fetch: catalogue(() => json(200, { items: [course], total: 1 })),
    });

    const card = await screen.findByTestId('course-card');
    expect(within(card).getByTestId('course-card-title').textContent).toBe('مدخل إلى صناعة الطيران');
    expect(card.textContent).toContain('Aéronautique');
    expect(card.textContent).toContain('Hybride');
    expect(card.textContent).toContain('12 heures');
    expect(card.textContent).toContain('Brouillon'); // admins see the status
    expect((await within(card).findByText('Compétences du Canada')).textContent).toBeTruthy();
  });

  it('sends the search words to the API', async () => {
    const searched: string[] = [];
    renderApp({
      route: '/courses',
      signedIn: true,
      fetch: catalogue((request) => {
        searched.push(new URL(request.url).searchParams.get('q') ?? '');
        return json(200, emptyList);
      }),
    });
    await screen.findByTestId('empty-state');

    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'aéro' } });

    await vi.waitFor(() => expect(searched).toContain('aéro'));
  });
});
