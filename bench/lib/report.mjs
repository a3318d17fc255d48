// Turns the benchmarks' RESULT objects into bench/RESULTS.md.

const yes = (ok) => (ok ? 'met' : '**not met**');
const ms = (v) => `${v} ms`;
const row = (cells) => `| ${cells.join(' | ')} |`;

function loadTable(title, rows) {
  return [
    title,
    '',
    row([
      'server',
      'requests',
      'seconds',
      'req/s',
      'p50',
      'p99',
      'max',
      'errors',
      'CPU ms/req (server + PostgreSQL)',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...rows.map(([label, r]) =>
      row([
        label,
        r.requests,
        r.seconds,
        r.perSecond,
        ms(r.p50),
        ms(r.p99),
        ms(r.max),
        r.errors,
        r.cpuMsPerRequest ? `${r.cpuMsPerRequest.app} + ${r.cpuMsPerRequest.db}` : '',
      ]),
    ),
    '',
  ].join('\n');
}

const sections = {
  'join-surge': (r) => [
    `${r.trainees} enrolled trainees press Join on one class (POST /api/sessions/:id/join), each with their own access token. ` +
      `The floor is a bare Fastify server that verifies the same access token and signs a LiveKit token with the same grants.`,
    '',
    loadTable(
      `**Surge**: ${r.trainees} joins arriving evenly over 2 s (open loop; latency from the planned send time)`,
      [
        ['API', r.surge.api],
        ['bare Fastify', r.surge.baseline],
      ],
    ),
    loadTable(
      `**Flat out**: 50 connections, ${r.flatOut.rounds} rounds of ${r.flatOut.secondsEach} s alternating API and floor (best round shown); ` +
        `throughput ratio API / floor, median of the rounds: **${r.throughputRatio}**`,
      [
        ['API', r.flatOut.api],
        ['bare Fastify', r.flatOut.baseline],
      ],
    ),
    `Targets: p99 under 100 ms in the surge: ${yes(r.targets.p99Under100ms)}; no error: ${yes(r.targets.noErrors)}; ` +
      `at least half the floor's throughput: ${yes(r.targets.halfOfBaseline)}.`,
  ],
  'webhook-storm': (r) => [
    `${r.events.toLocaleString('en')} signed participant_joined/participant_left events for ${r.participants.toLocaleString('en')} participants of one session, ` +
      `${r.senders} concurrent senders, one worker process running. The floor only verifies the same signatures.`,
    '',
    loadTable('**Accepting**', [
      ['API (verify, store in the inbox, nudge the queue)', r.api],
      ['bare Fastify (verify only)', r.baseline],
    ]),
    `Stored in livekit_webhook_events: ${r.stored.toLocaleString('en')} of ${r.events.toLocaleString('en')}; unprocessed at the end: ${r.unprocessed}. ` +
      `All processed **${r.processedSeconds} s** after the first event was sent; attendance read back and ${r.attendanceCorrect ? 'correct' : '**wrong**'} for every participant after ${r.attendanceCompleteSeconds} s.`,
    '',
    `Targets: at least 1,500 events accepted per second: ${yes(r.targets.atLeast1500PerSecond)} (${r.acceptedPerSecond}/s); ` +
      `every event accounted for: ${yes(r.targets.everyEventAccountedFor)}; attendance correct: ${yes(r.targets.attendanceCorrect)}.`,
  ],
  reads: (r) => [
    `${r.scale.courses.toLocaleString('en')} courses, ${r.scale.enrollments.toLocaleString('en')} enrollments, ${r.scale.sessions.toLocaleString('en')} sessions; ` +
      `${r.connections} concurrent connections for ${r.seconds} s each (closed loop). The floor serves a stored copy of the same response.`,
    '',
    loadTable(`**Catalogue**: GET /api/courses?q=…&sector=…&pageSize=20 (${r.catalog.responseBytes} B)`, [
      ['API', r.catalog.api],
      ['bare Fastify, static', r.catalog.baseline],
    ]),
    loadTable(
      '**Catalogue, every page read from PostgreSQL**: the same requests, with the catalogue changed (its version stamp replaced) before each one, so no copy in memory is used',
      [
        ['API', r.catalogUncached.api],
        ['bare Fastify, static', r.catalogUncached.baseline],
      ],
    ),
    loadTable(
      `**My schedule**: GET /api/sessions?pageSize=20, a different trainee each request (${r.schedule.responseBytes} B)`,
      [
        ['API', r.schedule.api],
        ['bare Fastify, static', r.schedule.baseline],
      ],
    ),
    `Targets: p99 under 50 ms, catalogue: ${yes(r.targets.catalogP99Under50ms)} (every page from PostgreSQL: p99 ${r.catalogUncached.api.p99} ms); schedule: ${yes(r.targets.scheduleP99Under50ms)}; no error: ${yes(r.targets.noErrors)}.`,
  ],
  'csv-import': (r) => [
    `${r.rows.toLocaleString('en')} rows (${Math.round(r.fileBytes / 1024)} KB), through the API's import service and a real worker: ` +
      `**${r.seconds} s**, ${r.rowsPerSecond} rows/s; ${r.result.created} created, ${r.result.enrolled} active, ${r.result.waitlisted} waitlisted, ${r.result.errors} errors.`,
    '',
    `Target: 10,000 rows in under 30 s: ${yes(r.targets.under30sFor10000)}.`,
  ],
  overview: (r) => [
    `${r.scale.segments.toLocaleString('en')} attendance segments over ${r.scale.heldSessions.toLocaleString('en')} held sessions and ${r.scale.enrollments.toLocaleString('en')} enrollments; ` +
      `GET /api/reports/overview as an admin, ${r.whole.runs.length} runs after a warm-up.`,
    '',
    row(['request', 'median', 'min', 'max']),
    row(['---', '---:', '---:', '---:']),
    row(['whole programme', ms(r.whole.medianMs), ms(r.whole.minMs), ms(r.whole.maxMs)]),
    row(['one network', ms(r.network.medianMs), ms(r.network.minMs), ms(r.network.maxMs)]),
    row([
      'floor: one pass over the segments in PostgreSQL',
      ms(r.floor.medianMs),
      ms(r.floor.minMs),
      ms(r.floor.maxMs),
    ]),
    '',
    `Figures returned: ${JSON.stringify(r.figures)}.`,
    '',
    `Target: under 300 ms: ${yes(r.targets.under300ms)}.`,
  ],
};

const WEAK_LINK_STEPS = [
  ['signInCold', 'sign-in form usable, cold (empty cache), from navigation start'],
  ['signInWarm', 'sign-in form usable, warm (same context, visited again)'],
  ['scheduleAfterSignIn', 'schedule shows its sessions, from submitting the sign-in form (first sign-in)'],
  ['scheduleReturning', 'the same after signing out and in again (the signed-in pages cached)'],
  ['classroomFirst', 'classroom pre-join join button, first time, from the click on the join link'],
  ['offlineSchedule', 'schedule offline (network off) with a warm service worker, from the reload'],
  ['homeCold', "a trainee's home (next session and courses), signed in, empty cache, from navigation start"],
];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const s2 = (msValue) => `${(msValue / 1000).toFixed(2)} s`;

sections['weak-link'] = (r) => [
  `A phone (${r.viewport.width} × ${r.viewport.height}) in headless Chromium under emulated slow 3G (CDP, ` +
    `${r.network.latencyMs} ms latency, ${(r.network.downloadBytesPerSecond * 8) / 1000} kbit/s down and up); ` +
    `web app \`${r.web}\`; median of ${r.rounds} rounds, each in a fresh browser context. ` +
    'Received = every byte the page got (CDP `loadingFinished`, headers included) until nothing was in flight for a second; JS+CSS = script and stylesheet bodies as sent (compressed), ' +
    '"until usable" what had arrived when the measured element showed (the rest: prefetches and lazy chunks after it); ' +
    "service worker fetched = what the app's service worker downloaded itself meanwhile (precaching, fetches it makes for the page).",
  '',
  row([
    'step',
    'time (median)',
    'rounds',
    'received',
    'JS+CSS (until usable)',
    'requests (to the network)',
    'service worker fetched',
    'target',
  ]),
  row(['---', '---:', '---', '---:', '---:', '---:', '---:', '---']),
  ...WEAK_LINK_STEPS.map(([name, label]) => {
    const step = r.steps[name];
    if (!step.available) return row([label, 'not available', '', '', '', '', '', `${step.reason}`]);
    if (step.ms === undefined) return row([label, '**failed**', '', '', '', '', '', step.failed]);
    return row([
      label,
      s2(step.ms),
      step.runsMs.map((v) => (v === null ? 'failed' : s2(v))).join(', '),
      kb(step.bytes),
      step.usableJsCssBytes === undefined
        ? kb(step.jsCssBytes)
        : `${kb(step.jsCssBytes)} (${kb(step.usableJsCssBytes)})`,
      `${step.requests} (${step.fromNetwork})`,
      step.workerRequests ? `${kb(step.workerBytes)} in ${step.workerRequests}` : '',
      step.targetJsCssBytes
        ? `JS+CSS until usable < ${kb(step.targetJsCssBytes)}: ${yes(step.met)}`
        : `< ${s2(step.targetMs)}: ${yes(step.met)}`,
    ]);
  }),
  '',
  "The network is emulated in the browser (Chromium delays and throttles the page and, on its own budget, the service worker; loopback underneath, no handshakes, no loss, a server CPU rather than a phone's): compare builds measured the same way rather than reading the figures as field data.",
];

export function report({ date, machine, build, loadBefore, loadAfter, runs }) {
  const lines = [
    '# Benchmark results',
    '',
    `Written by bench/run-all.mjs (\`npm run bench\`) on ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC against the API built in \`${build}\`; see [README.md](README.md) for what each benchmark does and what was changed.`,
    '',
    `Machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; PostgreSQL and Redis on the same machine. ` +
      `Load average before the run ${loadBefore.map((l) => l.toFixed(1)).join(' / ')}, after ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} ` +
      `(anything above 0 is other work sharing the two cores; compare ratios to the floors and CPU per request rather than absolute figures).`,
    '',
    row(['benchmark', 'ran', 'seconds', 'targets']),
    row(['---', '---', '---:', '---']),
    ...runs.map((r) =>
      row([
        `[${r.name}](#${r.name})`,
        r.ok ? 'yes' : '**failed**',
        r.seconds,
        r.result?.targets
          ? Object.entries(r.result.targets)
              .map(([k, v]) => `${k}: ${v === null ? 'not available' : v ? 'met' : '**not met**'}`)
              .join(', ')
          : '',
      ]),
    ),
    '',
  ];
  for (const r of runs) {
    lines.push(`## ${r.name}`, '');
    if (!r.ok || !r.result) {
      lines.push('The benchmark failed; its output above the summary in the console says why.', '');
      continue;
    }
    lines.push(...sections[r.name](r.result), '');
  }
  return lines.join('\n');
}
