import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

// The People page is its own chunk: the first render waits for it.
const LAZY_ROUTE = { timeout: 10_000 };

const ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
const zipAnswer = () => new Response(ZIP, { headers: { 'Content-Type': 'application/zip' } });

const trainee: Schemas['UserDto'] = {
  ...adminUser,
  id: '00000000-0000-4000-8000-000000000077',
  email: 'zineb.qadiri@example.ma',
  fullName: 'Zineb Qadiri',
  role: 'trainee',
};

let createObjectURL: ReturnType<typeof vi.fn>;
let click: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  createObjectURL = vi.fn((_file: Blob) => 'blob:export');
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
  click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => click.mockRestore());

describe('export my data (profile)', () => {
  it('downloads the ZIP of the signed-in person with their token, and says so', async () => {
    const asked: Request[] = [];
    renderApp({
      route: '/profile',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, trainee),
        'GET /api/me/certificates': () => json(200, emptyList),
        'GET /api/me/export': (request) => {
          asked.push(request);
          return zipAnswer();
        },
      }),
    });

    const card = await screen.findByTestId('export-my-data');
    expect(card.textContent).toContain('Vos données');
    fireEvent.click(within(card).getByTestId('export-my-data-button'));

    expect((await screen.findByTestId('export-my-data-done')).textContent).toBe(
      'Vos données sont téléchargées (fichier ZIP).',
    );
    expect(asked).toHaveLength(1);
    expect(asked[0].headers.get('Authorization')).toBe('Bearer access');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(
      /^mre-academy-personal-data-\d{4}-\d{2}-\d{2}\.zip$/,
    );
    expect(createObjectURL).toHaveBeenCalledOnce();
  });

  it('shows the error when the export fails', async () => {
    renderApp({
      route: '/profile',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, trainee),
        'GET /api/me/certificates': () => json(200, emptyList),
        'GET /api/me/export': () =>
          json(503, {
            statusCode: 503,
            error: 'Service Unavailable',
            message: 'down',
            code: 'database-unavailable',
          }),
      }),
    });

    fireEvent.click(await screen.findByTestId('export-my-data-button'));
    expect(await within(screen.getByTestId('export-my-data')).findByRole('alert')).toBeTruthy();
    expect(screen.queryByTestId('export-my-data-done')).toBeNull();
  });
});

describe("a person's data on the admin's People page", () => {
  function peopleApi(
    person: Schemas['UserDto'],
    erased: Array<{ id: string; body: unknown }>,
    exports: string[],
    me: Schemas['UserDto'] = adminUser,
  ) {
    return fakeFetch({
      'GET /api/me': () => json(200, me),
      'GET /api/users': () => json(200, { items: [person], total: 1 }),
      'GET /api/centres': () => json(200, emptyList),
      'GET /api/networks': () => json(200, emptyList),
      [`GET /api/users/${person.id}/export`]: () => {
        exports.push(person.id);
        return zipAnswer();
      },
      [`POST /api/users/${person.id}/erase`]: async (request) => {
        erased.push({ id: person.id, body: await request.json() });
        return json(202, { userId: person.id, erasedAt: '2026-12-06T18:00:00.000Z', alreadyErased: false });
      },
    });
  }

  it('erases only after a reason and an explicit confirmation, then says it is done', async () => {
    const erased: Array<{ id: string; body: unknown }> = [];
    renderApp({ route: '/people', signedIn: true, fetch: peopleApi(trainee, erased, []) });

    fireEvent.click(await screen.findByTestId('user-edit', {}, LAZY_ROUTE));
    fireEvent.click(await screen.findByTestId('person-erase'));

    const dialog = await screen.findByRole('dialog', {
      name: 'Effacer les données personnelles de Zineb Qadiri',
    });
    expect(within(dialog).getByTestId('erase-warning').textContent).toContain('C’est irréversible');
    const confirm = within(dialog).getByTestId('erase-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByTestId('erase-reason'), {
      target: { value: '  Demande par courrier du 30 novembre ' },
    });
    // A reason alone is not enough: the admin must say they understand.
    expect(confirm.disabled).toBe(true);
    fireEvent.click(within(dialog).getByTestId('erase-understood'));
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);

    const done = await screen.findByTestId('person-erased');
    expect(done.textContent).toBe('Les données personnelles ont été effacées.');
    // Its close button is named in the page's language, and closes it.
    fireEvent.click(within(done).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByTestId('person-erased')).toBeNull();
    expect(erased).toEqual([{ id: trainee.id, body: { reason: 'Demande par courrier du 30 novembre' } }]);
    await waitFor(() => expect(screen.queryByTestId('erase-confirm')).toBeNull());
  });

  it('exports a person on their behalf from the same dialog', async () => {
    const exports: string[] = [];
    renderApp({ route: '/people', signedIn: true, fetch: peopleApi(trainee, [], exports) });

    fireEvent.click(await screen.findByTestId('user-edit', {}, LAZY_ROUTE));
    fireEvent.click(await screen.findByTestId('person-export'));

    expect((await screen.findByTestId('person-export-done')).textContent).toContain('journal d’audit');
    expect(exports).toEqual([trainee.id]);
  });

  it('marks an erased person, and offers only the export of what is left', async () => {
    const person = {
      ...trainee,
      fullName: 'erased-00000000',
      status: 'disabled' as const,
      erasedAt: '2026-12-01T10:00:00Z',
    };
    renderApp({ route: '/people', signedIn: true, fetch: peopleApi(person, [], []) });

    expect((await screen.findByTestId('user-erased', {}, LAZY_ROUTE)).textContent).toBe('Effacé');
    fireEvent.click(screen.getByTestId('user-edit'));

    expect((await screen.findByTestId('person-erased-notice')).textContent).toContain('1 décembre 2026');
    expect(screen.getByTestId('person-export')).toBeTruthy();
    expect(screen.queryByTestId('person-erase')).toBeNull();
    expect(screen.queryByTestId('user-edit-save')).toBeNull();
  });

  it('dates the erasure with Moroccan month names in Arabic, as everywhere in the app', async () => {
    localStorage.setItem('mre.locale', 'ar');
    const person = { ...trainee, status: 'disabled' as const, erasedAt: '2026-12-01T10:00:00Z' };
    renderApp({
      route: '/people',
      signedIn: true,
      fetch: peopleApi(person, [], [], { ...adminUser, locale: 'ar' }),
    });

    fireEvent.click(await screen.findByTestId('user-edit', {}, LAZY_ROUTE));
    // دجنبر (ar-MA), not ديسمبر.
    expect((await screen.findByTestId('person-erased-notice')).textContent).toContain('1 دجنبر 2026');
  });
});
