import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Schemas } from '@mre/api-client';
import { describe, expect, it } from 'vitest';
import { adminUser, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const expert = { ...adminUser, id: '00000000-0000-4000-8000-0000000000e9', role: 'expert' as const };
const COURSE_ID = '00000000-0000-4000-8000-0000000000c1';

const course: Schemas['CourseDetailDto'] = {
  id: COURSE_ID,
  code: 'AERO-101',
  title: { fr: 'Maintenance aéronautique', ar: 'صيانة الطائرات' },
  summary: null,
  sectorCode: 'aeronautics',
  networkId: '00000000-0000-4000-8000-0000000000a1',
  format: 'hybrid',
  durationHours: 12,
  status: 'published',
  expertIds: [expert.id],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  modules: [],
};

describe('an expert’s course edit page', () => {
  it('edits the course’s own titles and summary, without its status, and sends them with PATCH', async () => {
    const sent: Record<string, unknown>[] = [];
    renderApp({
      route: `/courses/${COURSE_ID}/edit`,
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, expert),
        'GET /api/networks': () => json(200, { items: [], total: 0 }),
        'GET /api/sectors': () => json(200, { items: [], total: 0 }),
        [`GET /api/courses/${COURSE_ID}`]: () => json(200, course),
        [`PATCH /api/courses/${COURSE_ID}`]: async (request) => {
          const body = (await request.json()) as Record<string, unknown>;
          sent.push(body);
          return json(200, { ...course, ...body });
        },
      }),
    });

    const valueOf = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;
    const frenchTitle = await screen.findByTestId('title-fr');
    expect(valueOf('title-fr')).toBe('Maintenance aéronautique');
    expect(valueOf('title-ar')).toBe('صيانة الطائرات');
    // Publishing and the experts list stay with the admins.
    expect(screen.queryByTestId('course-status-select')).toBeNull();

    fireEvent.change(frenchTitle, { target: { value: 'Maintenance des aéronefs' } });
    fireEvent.change(screen.getByTestId('title-en'), { target: { value: 'Aircraft maintenance' } });
    fireEvent.change(screen.getByTestId('summary-fr'), { target: { value: 'Les bases, en 12 heures.' } });
    fireEvent.click(screen.getByTestId('course-save'));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      title: { fr: 'Maintenance des aéronefs', ar: 'صيانة الطائرات', en: 'Aircraft maintenance' },
      summary: { fr: 'Les bases, en 12 heures.' },
      durationHours: 12,
    });
    expect(sent[0]).not.toHaveProperty('status');
    expect(sent[0]).not.toHaveProperty('expertIds');
    expect(await screen.findByTestId('course-saved')).toBeTruthy();
  });
});
