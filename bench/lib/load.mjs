// A thin layer over autocannon: every run is bounded by a request count or a duration (and a hard
// time limit), and answers the same summary for the API and its baseline.
import { Agent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

/**
 * Fires requests at `url`.
 * - `requests`: a function (index) => { method, path, headers, body } called once per request, so
 *   each request may carry its own token or body; or a fixed `{ method, path, headers, body }`.
 * - Bounded by `amount` (a count) or `duration` (seconds); `maxSeconds` stops it regardless.
 * - `rate`: requests per second over all connections (an arrival rate); unset means flat out.
 */
export async function load({
  url,
  requests,
  connections = 50,
  amount,
  duration,
  rate,
  maxSeconds = 60,
  expectStatus = 200,
}) {
  if (!amount && !duration) throw new Error('a load run needs an amount or a duration');
  let next = 0;
  const perRequest = typeof requests === 'function';
  const statuses = {};
  const options = {
    url,
    connections,
    pipelining: 1,
    timeout: 10,
    ...(amount ? { amount } : { duration: Math.min(duration, maxSeconds) }),
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        ...(perRequest ? {} : requests),
        ...(perRequest
          ? {
              setupRequest: (request) => {
                const spec = requests(next++);
                return { ...request, ...spec, headers: { ...request.headers, ...spec.headers } };
              },
            }
          : {}),
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  };
  const instance = autocannon(options);
  const stop = setTimeout(() => instance.stop(), maxSeconds * 1000);
  const started = process.hrtime.bigint();
  const result = await instance;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearTimeout(stop);
  const completed = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  const unexpected = Object.entries(statuses)
    .filter(([status]) => Number(status) !== expectStatus)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    requests: completed,
    seconds: round(seconds, 2),
    perSecond: Math.round(completed / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + unexpected,
    statuses,
  };
}

/**
 * An open-loop arrival: request i is sent at i / rate seconds whatever the answers so far (people
 * press Join when the class starts, not when the previous person got in), each on its own
 * keep-alive connection when needed. Latency runs from the planned send time, so a client that falls
 * behind does not hide the server's delay. Bounded by `count` and `maxSeconds`.
 */
export async function arrivals({ url, requests, count, rate, maxSeconds = 60, expectStatus = 200 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: count });
  const { hostname, port } = new URL(url);
  const latencies = [];
  const statuses = {};
  let wrongStatus = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const one = (i) =>
    new Promise((done) => {
      const planned = started + (i * 1000) / rate;
      const spec = requests(i);
      const send = () => {
        if (performance.now() > deadline) return done();
        const body =
          spec.body === undefined
            ? undefined
            : typeof spec.body === 'string'
              ? spec.body
              : JSON.stringify(spec.body);
        const req = httpRequest(
          {
            agent,
            hostname,
            port,
            method: spec.method ?? 'GET',
            path: spec.path,
            headers: { ...(body ? { 'content-length': Buffer.byteLength(body) } : {}), ...spec.headers },
            timeout: 10_000,
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - planned);
              statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
              if (res.statusCode !== expectStatus) wrongStatus++;
              done();
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', () => done());
        req.end(body);
      };
      setTimeout(send, Math.max(0, planned - performance.now()));
    });
  await Promise.all(Array.from({ length: count }, (_, i) => one(i)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    latencies.length
      ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)])
      : 0;
  return {
    requests: latencies.length,
    seconds: round(seconds, 2),
    perSecond: Math.round(latencies.length / seconds),
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    // Wrong answers, plus requests that got none (connection error, timeout, past maxSeconds).
    errors: wrongStatus + (count - latencies.length),
    statuses,
  };
}

export function round(value, digits = 1) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** One line of figures, the same shape for the API and its baseline. */
export function describe(label, r) {
  return `${label.padEnd(34)} ${String(r.requests).padStart(6)} req in ${r.seconds.toFixed(2).padStart(5)} s = ${String(r.perSecond).padStart(5)}/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}${r.errors ? ' ' + JSON.stringify(r.statuses) : ''}${r.cpuMsPerRequest ? `   CPU ms/req: server ${r.cpuMsPerRequest.app}, PostgreSQL ${r.cpuMsPerRequest.db}` : ''}`;
}
