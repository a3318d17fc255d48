import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('accepting an invitation', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sends the device’s time zone with the chosen password', async () => {
    const resolved = Intl.DateTimeFormat().resolvedOptions();
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      ...resolved,
      timeZone: 'America/Toronto',
    });
    const sent = vi.fn();
    renderApp({
      route: '/accept-invite?token=abc&lang=fr',
      fetch: fakeFetch({
        'POST /api/auth/accept-invite': async (request) => {
          sent(await request.json());
          return json(400, {
            statusCode: 400,
            error: 'Bad Request',
            message: '',
            code: 'invitation-invalid',
          });
        },
      }),
    });

    await screen.findByTestId('invite-password');
    type('invite-password', 'a-chosen-password');
    type('invite-password-confirm', 'a-chosen-password');
    fireEvent.click(screen.getByTestId('invite-submit'));

    await waitFor(() => expect(sent).toHaveBeenCalled());
    expect(sent).toHaveBeenCalledWith({
      token: 'abc',
      password: 'a-chosen-password',
      timeZone: 'America/Toronto',
    });
  });
});
