import { fireEvent, screen, within } from '@testing-library/react';
import type { Schemas } from '@mre/api-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adminUser, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const trainee = { ...adminUser, role: 'trainee' as const };
const COURSE_ID = '00000000-0000-4000-8000-0000000000c1';
const FILE_ID = '00000000-0000-4000-8000-0000000000f1';
const PDF = '%PDF-1.4 fiche';
const SIGNED_URL = `/api/materials/${FILE_ID}/download?token=signed`;

const course: Schemas['CourseDetailDto'] = {
  id: COURSE_ID,
  code: 'AERO-101',
  title: { fr: 'Maintenance aéronautique' },
  summary: null,
  sectorCode: 'aeronautics',
  networkId: '00000000-0000-4000-8000-0000000000a1',
  format: 'hybrid',
  durationHours: 12,
  status: 'published',
  expertIds: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  modules: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      title: { fr: 'Sécurité' },
      position: 1,
      materials: [
        {
          id: FILE_ID,
          kind: 'file',
          title: { fr: 'Fiche sécurité' },
          url: `/api/materials/${FILE_ID}/file`,
          fileName: 'fiche.pdf',
          contentType: 'application/pdf',
          sizeBytes: PDF.length,
        },
      ],
    },
  ],
};

/** Cache Storage as the browser keeps it (jsdom has none): one named cache, in memory. */
class MemoryCache {
  readonly entries = new Map<string, Response>();
  failPut: Error | null = null;
  private href = (request: RequestInfo) =>
    new URL(typeof request === 'string' ? request : request.url, location.origin).href;
  async put(request: RequestInfo, response: Response) {
    if (this.failPut) throw this.failPut;
    this.entries.set(this.href(request), response);
  }
  async match(request: RequestInfo) {
    return this.entries.get(this.href(request))?.clone();
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async delete(request: RequestInfo) {
    return this.entries.delete(this.href(request));
  }
}

describe('keeping a course file on the device', () => {
  let cache: MemoryCache;
  let fileRequests: number;
  let linkRequests: number;
  beforeEach(() => {
    cache = new MemoryCache();
    fileRequests = 0;
    linkRequests = 0;
    vi.stubGlobal('caches', { open: async () => cache, delete: async () => cache.entries.clear() });
    URL.createObjectURL = vi.fn(() => 'blob:kept');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    Reflect.deleteProperty(navigator, 'storage');
  });

  const open = () =>
    renderApp({
      route: `/courses/${COURSE_ID}`,
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, trainee),
        [`GET /api/courses/${COURSE_ID}`]: () => json(200, course),
        'GET /api/me/course-progress': () => json(200, { items: [] }),
        [`GET /api/materials/${FILE_ID}/file`]: () => {
          fileRequests++;
          return new Response(PDF, { headers: { 'Content-Type': 'application/pdf' } });
        },
        [`GET /api/materials/${FILE_ID}/link`]: () => {
          linkRequests++;
          return json(200, { url: SIGNED_URL, expiresAt: '2030-01-01T00:10:00Z' });
        },
      }),
    });

  it('downloads a file that is not kept through a signed link the browser opens itself, not into the page', async () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    open();
    const file = await screen.findByTestId('material-file');
    fireEvent.click(within(file).getByTestId('material-download'));

    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    // The browser's download manager streams it to disk and resumes it with Range.
    expect(clicked[0].href).toBe(`${location.origin}${SIGNED_URL}`);
    expect(clicked[0].download).toBe('fiche.pdf');
    expect(linkRequests).toBe(1);
    expect(fileRequests).toBe(0);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });

  it('keeps it, opens the kept copy without asking the API, and removes it', async () => {
    open();
    const file = await screen.findByTestId('material-file');
    fireEvent.click(within(file).getByRole('button', { name: 'Garder hors ligne : Fiche sécurité' }));

    expect((await within(file).findByTestId('material-kept')).textContent).toBe('Gardé hors ligne');
    expect(fileRequests).toBe(1);
    // (The bytes themselves are compared in the browser test: jsdom's Blob does not go into Node's Response.)
    expect([...cache.entries.keys()]).toEqual([`${location.origin}/api/materials/${FILE_ID}/file`]);

    fireEvent.click(within(file).getByTestId('material-download'));
    await vi.waitFor(() => expect(URL.createObjectURL).toHaveBeenCalledTimes(1));
    expect(fileRequests).toBe(1);
    expect(linkRequests).toBe(0);

    fireEvent.click(within(file).getByRole('button', { name: 'Retirer de cet appareil : Fiche sécurité' }));
    await within(file).findByTestId('material-keep');
    expect(within(file).queryByTestId('material-kept')).toBeNull();
    expect(cache.entries.size).toBe(0);
  });

  it('says clearly that the device is full when the browser has no room for the file', async () => {
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { estimate: async () => ({ quota: 1000, usage: 1000 - PDF.length + 1 }) },
    });
    open();
    const file = await screen.findByTestId('material-file');
    fireEvent.click(within(file).getByTestId('material-keep'));

    const alert = await screen.findByTestId('storage-full');
    expect(alert.textContent).toContain('Cet appareil n’a plus de place pour garder le fichier.');
    expect(alert.textContent).toContain('Retirez des fichiers gardés auparavant');
    expect(within(file).queryByTestId('material-kept')).toBeNull();
  });

  it('says the same when the browser refuses the write, and keeps no half-written file', async () => {
    cache.failPut = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    open();
    const file = await screen.findByTestId('material-file');
    fireEvent.click(within(file).getByTestId('material-keep'));

    expect((await screen.findByTestId('storage-full')).getAttribute('role')).toBe('alert');
    expect(cache.entries.size).toBe(0);
    expect(within(file).getByTestId('material-keep')).toBeTruthy();
  });
});
