import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Schemas } from '@mre/api-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adminUser, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const expert = { ...adminUser, id: '00000000-0000-4000-8000-0000000000e9', role: 'expert' as const };
const COURSE_ID = '00000000-0000-4000-8000-0000000000c1';
const MODULE_ID = '00000000-0000-4000-8000-0000000000e1';
const FILES = ['f1', 'f2', 'f3'].map((suffix) => `00000000-0000-4000-8000-0000000000${suffix}`);

function courseWith(order: string[]): Schemas['CourseDetailDto'] {
  return {
    id: COURSE_ID,
    code: 'AERO-101',
    title: { fr: 'Maintenance aéronautique' },
    summary: null,
    sectorCode: 'aeronautics',
    networkId: '00000000-0000-4000-8000-0000000000a1',
    format: 'hybrid',
    durationHours: 12,
    status: 'published',
    expertIds: [expert.id],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    modules: [
      {
        id: MODULE_ID,
        title: { fr: 'Sécurité' },
        position: 1,
        materials: order.map((id) => ({
          id,
          kind: 'file' as const,
          title: { fr: `Fiche ${FILES.indexOf(id) + 1}` },
          url: `/api/materials/${id}/file`,
          fileName: `fiche-${FILES.indexOf(id) + 1}.pdf`,
          contentType: 'application/pdf',
          sizeBytes: 1024,
        })),
      },
    ],
  };
}

/** The course editor's files dialog, against an API that keeps the order it is sent (or refuses it). */
async function openFiles(answer: (ids: string[]) => Response | undefined = () => undefined) {
  let order = [...FILES];
  const sent: string[][] = [];
  renderApp({
    route: `/courses/${COURSE_ID}/edit`,
    signedIn: true,
    fetch: fakeFetch({
      'GET /api/me': () => json(200, expert),
      'GET /api/networks': () => json(200, { items: [], total: 0 }),
      'GET /api/sectors': () => json(200, { items: [], total: 0 }),
      [`GET /api/courses/${COURSE_ID}`]: () => json(200, courseWith(order)),
      // The page also lists each module's quizzes, below the modules.
      [`GET /api/courses/${COURSE_ID}/modules/${MODULE_ID}/quizzes`]: () => json(200, []),
      [`PUT /api/courses/${COURSE_ID}/modules/${MODULE_ID}/materials/order`]: async (request) => {
        const { materialIds } = (await request.json()) as { materialIds: string[] };
        sent.push(materialIds);
        const refusal = answer(materialIds);
        if (refusal) return refusal;
        order = materialIds;
        return json(200, courseWith(order).modules[0]);
      },
    }),
  });
  fireEvent.click(await screen.findByTestId('module-files-open'));
  const rows = () =>
    within(screen.getByTestId('module-files'))
      .getAllByTestId('module-file-row')
      .map((row) => row.querySelector('td')?.textContent);
  return { sent, rows };
}

describe('ordering a module’s files', () => {
  it('moves a file with buttons a keyboard reaches, says where it went, and sends the new order', async () => {
    const { sent, rows } = await openFiles();
    expect(rows()).toEqual(['Fiche 1', 'Fiche 2', 'Fiche 3']);
    // The first cannot go up, the last cannot go down.
    expect(screen.getByRole('button', { name: 'Monter « Fiche 1 »' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Descendre « Fiche 3 »' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Descendre « Fiche 1 »' }));

    await vi.waitFor(() => expect(rows()).toEqual(['Fiche 2', 'Fiche 1', 'Fiche 3']));
    expect(screen.getByText('« Fiche 1 » est maintenant le numéro 2 sur 3.')).toBeTruthy();
    await vi.waitFor(() => expect(sent).toEqual([[FILES[1], FILES[0], FILES[2]]]));
  });

  it('drops a dragged row where it lands', async () => {
    const { sent, rows } = await openFiles();
    const [first, , third] = within(screen.getByTestId('module-files')).getAllByTestId('module-file-row');
    fireEvent.dragStart(third, { dataTransfer: { effectAllowed: '' } });
    fireEvent.dragOver(first);
    fireEvent.drop(first);

    await vi.waitFor(() => expect(rows()).toEqual(['Fiche 3', 'Fiche 1', 'Fiche 2']));
    await vi.waitFor(() => expect(sent).toEqual([[FILES[2], FILES[0], FILES[1]]]));
  });

  it('goes back to the order the API holds, with a clear message, when it refuses the new one', async () => {
    const { rows } = await openFiles(() =>
      json(400, { statusCode: 400, error: 'Bad Request', message: 'no', code: 'material-order-mismatch' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Monter « Fiche 3 »' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Les fichiers de ce module ont changé entre-temps',
    );
    await vi.waitFor(() => expect(rows()).toEqual(['Fiche 1', 'Fiche 2', 'Fiche 3']));
  });
});

/**
 * XMLHttpRequest as the upload uses it (jsdom's sends nothing anywhere): the test plays the
 * browser's upload progress events and the API's answer.
 */
class FakeUploadRequest {
  static sent: FakeUploadRequest[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeUploadRequest.sent.push(this);
  }
}

describe('uploading a file to a module', () => {
  beforeEach(() => {
    FakeUploadRequest.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeUploadRequest);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows how much of the file has left the browser, then says it was added', async () => {
    await openFiles();
    const picker = screen
      .getByTestId('module-files')
      .closest('[role="dialog"]')
      ?.querySelector('input[type="file"]');
    const pdf = new File(['%PDF-1.4 fiche'], 'fiche-4.pdf', { type: 'application/pdf' });
    fireEvent.change(picker as HTMLInputElement, { target: { files: [pdf] } });
    fireEvent.change(screen.getByTestId('material-file-title-fr'), { target: { value: 'Fiche 4' } });
    fireEvent.click(screen.getByTestId('material-upload'));

    await vi.waitFor(() => expect(FakeUploadRequest.sent).toHaveLength(1));
    const [request] = FakeUploadRequest.sent;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/api/courses/${COURSE_ID}/modules/${MODULE_ID}/materials`);
    expect((request.body?.get('file') as File).name).toBe('fiche-4.pdf');
    expect(JSON.parse(request.body?.get('title') as string)).toEqual({ fr: 'Fiche 4' });

    const bar = () => screen.getByRole('progressbar');
    await vi.waitFor(() => expect(bar().getAttribute('aria-valuenow')).toBe('0'));
    act(() => request.upload.onprogress?.({ lengthComputable: true, loaded: 3_000, total: 10_000 }));
    expect(bar().getAttribute('aria-valuenow')).toBe('30');
    // French writes the percent sign after a no-break space, as Intl does.
    expect(screen.getByRole('progressbar', { name: /^Envoi : 30\s%$/ })).toBeTruthy();
    act(() => request.upload.onprogress?.({ lengthComputable: true, loaded: 10_000, total: 10_000 }));
    expect(bar().getAttribute('aria-valuenow')).toBe('100');

    act(() => {
      request.status = 201;
      request.responseText = JSON.stringify({
        id: '00000000-0000-4000-8000-0000000000f4',
        kind: 'file',
        title: { fr: 'Fiche 4' },
        url: '/api/materials/00000000-0000-4000-8000-0000000000f4/file',
        fileName: 'fiche-4.pdf',
        contentType: 'application/pdf',
        sizeBytes: 14,
      });
      request.onload?.();
    });
    expect(await screen.findByText('Le fichier a été ajouté.')).toBeTruthy();
    expect(screen.queryByTestId('material-upload-progress')).toBeNull();
  });
});
