import type { FastifyServerOptions } from 'fastify';

/** The largest JSON body the API reads (uploads have their own limit). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Fastify's options, shared by main.ts and the e2e tests so that both serve the same way. */
export function httpServerOptions(trustProxy: string): FastifyServerOptions {
  return { bodyLimit: MAX_BODY_BYTES, trustProxy: parseTrustProxy(trustProxy) };
}

/** TRUST_PROXY as Fastify takes it: false, true, a hop count, or the addresses of trusted proxies. */
export function parseTrustProxy(value: string): boolean | number | string[] {
  const text = value.trim().toLowerCase();
  if (text === 'off' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim());
}
