import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const COHORT_ID = '00000000-0000-4000-8000-0000000000b1';
const TRAINEE_ID = '00000000-0000-4000-8000-0000000000c1';

const entry: Schemas['AuditEntryDto'] = {
  id: '00000000-0000-4000-8000-0000000000a1',
  actorId: adminUser.id,
  action: 'enrollment.added',
  entity: 'cohort',
  entityId: COHORT_ID,
  reason: null,
  data: { userId: TRAINEE_ID },
  createdAt: '2026-11-02T10:00:00Z',
  actorName: 'Amina Admin',
  entityName: 'Kénitra — printemps',
  entityTitles: null,
  subjectName: 'Salma Alaoui',
};

// The audit page is a lazy chunk: its first load in a test run may take more than findBy's 1 s.
const LAZY_ROUTE = { timeout: 5000 };

describe('audit page', () => {
  it('names who acted, the record and the person, and filters by a cohort picked by name', async () => {
    const asked: URLSearchParams[] = [];
    renderApp({
      route: '/admin/audit',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, adminUser),
        'GET /api/audit': (request) => {
          asked.push(new URL(request.url).searchParams);
          return json(200, { items: [entry], total: 1 });
        },
        'GET /api/cohorts': () =>
          json(200, {
            items: [
              { id: COHORT_ID, name: 'Kénitra — printemps' },
              { id: '00000000-0000-4000-8000-0000000000b2', name: 'Salé — automne' },
            ],
            total: 2,
          }),
        'GET /api/users': () => json(200, emptyList),
      }),
    });

    const row = await screen.findByTestId('audit-row', {}, LAZY_ROUTE);
    expect(within(row).getByTestId('audit-actor').textContent).toBe('Amina Admin');
    expect(within(row).getByTestId('audit-record-name').textContent).toContain('Kénitra — printemps');
    expect(within(row).getByTestId('audit-subject').textContent).toBe('Salma Alaoui');
    // No id to paste: the record is picked by its name once its kind is chosen.
    expect(screen.getByTestId('audit-entity-id')).toBeTruthy();
    fireEvent.click(screen.getByTestId('audit-entity'));
    fireEvent.click(await screen.findByRole('option', { name: 'Cohorte', hidden: true }));
    await waitFor(() => expect(screen.queryByTestId('audit-entity-id')).toBeNull());
    fireEvent.click(screen.getByTestId('audit-record'));
    fireEvent.click(await screen.findByRole('option', { name: 'Salé — automne', hidden: true }));

    await waitFor(() => {
      const last = asked[asked.length - 1];
      expect([last.get('entity'), last.get('entityId')]).toEqual([
        'cohort',
        '00000000-0000-4000-8000-0000000000b2',
      ]);
    });
  });
});
