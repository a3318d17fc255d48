#!/usr/bin/env node
// `npm start`: builds what is needed, then runs the API (which also serves the web app) and the
// worker on one machine, with demo data. With no DATABASE_URL the API starts an embedded
// PostgreSQL under .data/ and the worker shares it.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { startApi, startWorker } from './platform.mjs';

// Times are computed with the runtime's tz data: Node 24's ICU carries the rules in force (Morocco at
// UTC+0 since 2026-09-20). `npm ci` brings Node 24 on Linux (x64, arm64), and `npm start` runs on it.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `MRE Academy needs Node.js 24 LTS; this is ${process.version}. Run it with \`npm start\` after \`npm ci\` ` +
      `(on Linux x64 and arm64 that brings Node 24 from the npm registry), or install Node.js 24.`,
  );
  process.exit(1);
}

const env = {
  ...process.env,
  DEMO_DATA: process.env.DEMO_DATA ?? 'on',
  NODE_ENV: process.env.NODE_ENV ?? 'development',
};
const port = Number(env.PORT ?? 3000);
const redisUrl = new URL(env.REDIS_URL ?? 'redis://127.0.0.1:6379');

if (!(await reachable(redisUrl.hostname, Number(redisUrl.port || 6379)))) {
  console.error(
    `Redis does not answer at ${redisUrl.host}. MRE Academy needs it for its queues. Start one with\n` +
      `  redis-server --daemonize yes --port 6379 --save "" --appendonly no\n` +
      `(Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis; or docker run -p 6379:6379 redis:7)\n` +
      `or point REDIS_URL at yours.`,
  );
  process.exit(1);
}

console.log('Building the API and the web app (cached after the first time)…');
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
  { stdio: 'inherit', env },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const processes = [];
let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  Promise.all(processes.map((p) => p.stop())).finally(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
/** Either process ending ends both: the platform is not half-running. */
const watch = (started) => {
  processes.push(started);
  void started.exited.then(([code, signal]) => {
    console.log(`${started.name} stopped (${signal ?? code})`);
    shutdown(code ?? 0);
  });
  return started;
};

try {
  // The first start initialises the embedded database, which takes a few seconds.
  watch(await startApi({ ...env, PORT: String(port) }, { echo: true, timeoutMs: 120_000 }));
  watch(await startWorker(env, { echo: true }));
  console.log(`\nMRE Academy is running on http://localhost:${port}  (Ctrl+C stops it)\n`);
} catch (error) {
  console.error(error.message);
  shutdown(1);
}

function reachable(host, portNumber) {
  return new Promise((resolve) => {
    const socket = connect({ host, port: portNumber, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
