import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const SESSION_ID = '00000000-0000-4000-8000-000000000601';
const PLAYABLE = '00000000-0000-4000-8000-000000000611';
const FAILED = '00000000-0000-4000-8000-000000000612';

const trainee: Schemas['UserDto'] = { ...adminUser, role: 'trainee', fullName: 'Salma Trainee' };

/** Yesterday's class: over, with one recording to play and one that failed. */
const pastClass = sessionDto({
  id: SESSION_ID,
  title: 'Hydraulique',
  startsAt: new Date(Date.now() - 26 * 3600_000).toISOString(),
});

const recordings: Schemas['RecordingDto'][] = [
  {
    id: PLAYABLE,
    status: 'ended',
    startedAt: pastClass.startsAt,
    durationSeconds: 5400,
    sizeBytes: 300 * 1024 * 1024,
    audioSizeBytes: 40 * 1024 * 1024,
    expiresAt: '2027-03-01T10:00:00.000Z',
    failureReason: null,
  },
  {
    id: FAILED,
    status: 'failed',
    startedAt: pastClass.startsAt,
    durationSeconds: 12,
    sizeBytes: null,
    audioSizeBytes: null,
    expiresAt: null,
    failureReason: 'Start signal not received',
  },
];

function api(me: Schemas['UserDto'], links: string[]) {
  return fakeFetch({
    'GET /api/me': () => json(200, me),
    [`GET /api/sessions/${SESSION_ID}`]: () => json(200, pastClass),
    [`GET /api/sessions/${SESSION_ID}/recordings`]: () =>
      json(200, { items: recordings, total: recordings.length }),
    [`GET /api/recordings/${PLAYABLE}/video/link`]: () => {
      links.push('video');
      return json(200, {
        url: '/api/recordings/x/video/play?token=t',
        expiresAt: '2027-01-01T00:00:00Z',
        contentType: 'video/mp4',
      });
    },
    [`GET /api/recordings/${PLAYABLE}/audio/link`]: () => {
      links.push('audio');
      return json(200, {
        url: '/api/recordings/x/audio/play?token=t',
        expiresAt: '2027-01-01T00:00:00Z',
        contentType: 'audio/ogg',
      });
    },
  });
}

const route = `/sessions/${SESSION_ID}/classroom`;
const findRecordings = () => screen.findByTestId('session-recordings', {}, { timeout: 10_000 });

describe('session recordings', () => {
  it('lists the recordings of a past session, and loads the video only once asked, never playing it by itself', async () => {
    const links: string[] = [];
    renderApp({ route, signedIn: true, fetch: api(trainee, links) });
    const section = await findRecordings();
    const [playable, failed] = await within(section).findAllByTestId('recording');

    const watch = within(playable).getByTestId('recording-play-video');
    expect(watch.textContent).toMatch(/^Voir la vidéo \(300\sMo\)$/);
    expect(within(playable).getByTestId('recording-play-audio').textContent).toMatch(
      /Écouter seulement \(40\sMo\)/,
    );
    expect(within(playable).getByText('90 min')).toBeTruthy();
    expect(within(playable).getByTestId('recording-expires').textContent).toContain('2027');
    // Nothing is fetched, nor counted as a view, before someone presses play.
    expect(links).toEqual([]);
    expect(section.querySelector('video, audio')).toBeNull();

    fireEvent.click(watch);
    const video = (await within(playable).findByTestId('recording-video')) as HTMLVideoElement;
    expect(links).toEqual(['video']);
    expect(video.getAttribute('src')).toBe('/api/recordings/x/video/play?token=t');
    expect(video.autoplay).toBe(false);
    expect(video.controls).toBe(true);

    expect(within(failed).getByTestId('recording-failed').textContent).toContain('Start signal not received');
    expect(within(failed).queryByTestId('recording-play-video')).toBeNull();
    // Deleting is for admins.
    expect(within(section).queryByTestId('recording-delete')).toBeNull();
  });

  it('puts the sound alone first with data saver on, and loads no more than its metadata until play', async () => {
    const links: string[] = [];
    renderApp({ route, signedIn: true, fetch: api({ ...trainee, dataSaver: true }, links) });
    const section = await findRecordings();
    const [playable] = await within(section).findAllByTestId('recording');
    const buttons = within(playable).getAllByRole('button');
    expect(buttons[0].getAttribute('data-testid')).toBe('recording-play-audio');
    expect(within(playable).getByTestId('recording-data-saver').textContent).toContain('le son seul');

    fireEvent.click(within(playable).getByTestId('recording-play-audio'));
    const audio = (await within(playable).findByTestId('recording-audio')) as HTMLAudioElement;
    expect(links).toEqual(['audio']);
    expect(audio.autoplay).toBe(false);
    expect(audio.getAttribute('preload')).toBe('metadata');
  });

  it('offers admins to delete a recording at once', async () => {
    renderApp({ route, signedIn: true, fetch: api(adminUser, []) });
    const section = await findRecordings();
    expect(await within(section).findAllByTestId('recording-delete')).toHaveLength(2);
  });
});
