import { DateTime } from 'luxon';
import type { Schemas } from '@mre/api-client';

type Handler = (request: Request) => Response | Promise<Response>;

export const API_ORIGIN = 'http://api.test';

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * A fake `fetch` at the network boundary: routes are "METHOD /path" (no query string); anything else
 * answers 404 like the API would.
 */
export function fakeFetch(routes: Record<string, Handler>) {
  return async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    const handler = routes[`${request.method} ${pathname}`];
    return handler ? handler(request) : json(404, { statusCode: 404, error: 'Not Found', message: pathname });
  };
}

export const adminUser: Schemas['UserDto'] = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'admin@academy.local',
  fullName: 'Amina Admin',
  role: 'admin',
  status: 'active',
  locale: 'fr',
  timeZone: 'Africa/Casablanca',
  networkId: null,
  centreId: null,
  legalNameLocked: false,
  dataSaver: null,
  createdAt: '2025-01-01T00:00:00Z',
  lastSignInAt: null,
  twoFactorEnabled: false,
  erasedAt: null,
};

export const emptyList = { items: [], total: 0 };

/** The API's default join window (JOIN_WINDOW_MINUTES). */
const JOIN_WINDOW_MS = 15 * 60_000;

/**
 * A session as the API answers it: 90 minutes, kept at its wall-clock start in `timeZone`
 * (Casablanca unless said), joinable from 15 minutes before.
 */
export function sessionDto(
  fields: Pick<Schemas['SessionDto'], 'id' | 'title' | 'startsAt'> & Partial<Schemas['SessionDto']>,
): Schemas['SessionDto'] {
  const start = Date.parse(fields.startsAt);
  const timeZone = fields.timeZone ?? 'Africa/Casablanca';
  return {
    cohortId: '00000000-0000-4000-8000-0000000000b1',
    endsAt: new Date(start + 90 * 60_000).toISOString(),
    localStart: DateTime.fromMillis(start, { zone: timeZone }).toISO({
      includeOffset: false,
      suppressMilliseconds: true,
    }) as string,
    timeZone,
    joinOpensAt: new Date(start - JOIN_WINDOW_MS).toISOString(),
    durationMinutes: 90,
    mode: 'remote',
    status: 'scheduled',
    roomName: `mre-${fields.id}`,
    seriesId: null,
    cancellationReasons: null,
    ...fields,
    titles: fields.titles ?? { fr: fields.title },
  };
}
