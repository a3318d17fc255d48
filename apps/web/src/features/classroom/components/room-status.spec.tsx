import { MantineProvider } from '@mantine/core';
import { RoomContext } from '@livekit/components-react';
import { act, render, screen } from '@testing-library/react';
import { Room, RoomEvent } from 'livekit-client';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '@/app/app-services';
import { API_ORIGIN, fakeFetch } from '@/test/fake-api';
import { TRANSLATIONS } from '@/test/translations';
import { RoomStatus } from './room-status';

/** The room's status line in a room that LiveKit tells, as it does everyone in it, when recording starts and stops. */
function renderStatus(locale: 'fr' | 'ar') {
  const services = createAppServices({
    baseUrl: API_ORIGIN,
    fetch: fakeFetch({}),
    retry: false,
    storage: localStorage,
    translations: TRANSLATIONS,
  });
  void services.i18n.changeLanguage(locale);
  const room = new Room();
  render(
    <I18nextProvider i18n={services.i18n}>
      <MantineProvider>
        <RoomContext.Provider value={room}>
          <RoomStatus />
        </RoomContext.Provider>
      </MantineProvider>
    </I18nextProvider>,
  );
  /** What LiveKit does when the room's Egress starts or stops: the flag, then the event. */
  const recording = (on: boolean) =>
    act(() => {
      Object.defineProperty(room, 'isRecording', { value: on, configurable: true });
      room.emit(RoomEvent.RecordingStatusChanged, on);
    });
  return { recording };
}

describe('the classroom’s recording indicator', () => {
  it('tells everyone in the room while the class is recorded, and goes when it stops', () => {
    const { recording } = renderStatus('fr');
    expect(screen.queryByTestId('recording-indicator')).toBeNull();

    recording(true);
    const indicator = screen.getByTestId('recording-indicator');
    expect(indicator.textContent).toBe('● Enregistrement');
    // Said to screen readers as a status, not only shown in red.
    expect(indicator.getAttribute('role')).toBe('status');

    recording(false);
    expect(screen.queryByTestId('recording-indicator')).toBeNull();
  });

  it('says it in Arabic too', () => {
    const { recording } = renderStatus('ar');
    recording(true);
    expect(screen.getByTestId('recording-indicator').textContent).toBe('● تسجيل جارٍ');
  });
});
