// Runs every benchmark one after another against the built API and writes bench/RESULTS.md.
//   npm run bench            (builds the API first)
//   node bench/run-all.mjs [name…]   (only some: join-surge webhook-storm reads csv-import overview weak-link)
// Each benchmark runs in its own process (its own database, queue prefix and child processes) and
// ends its output with `RESULT {json}`; a benchmark that fails is reported as failed and the others
// still run. Every load loop inside is bounded in count and time; the whole run takes a few minutes.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { relative } from 'node:path';
import { DIST, machine } from './lib/harness.mjs';
import { report } from './lib/report.mjs';

const BENCHMARKS = [
  { name: 'join-surge', script: 'bench/join-surge.bench.mjs', args: [] },
  { name: 'webhook-storm', script: 'bench/webhook-storm.bench.mjs', args: [] },
  { name: 'reads', script: 'bench/reads.bench.mjs', args: [] },
  { name: 'csv-import', script: 'bench/csv-import.bench.mjs', args: ['10000'] },
  { name: 'overview', script: 'bench/overview.bench.mjs', args: [] },
  // A browser under slow 3G: needs the web app built too (npx nx run web:build).
  { name: 'weak-link', script: 'bench/weak-link.bench.mjs', args: [] },
];
const LIMIT_MS = 5 * 60_000;

function run({ name, script, args }) {
  return new Promise((done) => {
    console.log(`\n=== ${name} ===`);
    const started = Date.now();
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let result = null;
    let tail = '';
    child.stdout.on('data', (chunk) => {
      tail += chunk.toString();
      const lines = tail.split('\n');
      tail = lines.pop();
      for (const line of lines) {
        if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7));
        else console.log(line);
      }
    });
    // A benchmark stuck past its bound is stopped (its own clean-up runs on SIGTERM).
    const timer = setTimeout(() => child.kill('SIGTERM'), LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (tail.startsWith('RESULT ')) result = JSON.parse(tail.slice(7));
      done({
        name,
        ok: code === 0 && result !== null,
        seconds: Math.round((Date.now() - started) / 1000),
        result,
      });
    });
  });
}

const only = process.argv.slice(2);
const selected = only.length > 0 ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;
const load = loadavg();
const runs = [];
for (const benchmark of selected) runs.push(await run(benchmark));

const markdown = report({
  date: new Date(),
  machine: machine(),
  build: relative(process.cwd(), DIST),
  loadBefore: load,
  loadAfter: loadavg(),
  runs,
});
writeFileSync('bench/RESULTS.md', markdown);
console.log(
  `\nWrote bench/RESULTS.md (${runs.filter((r) => r.ok).length} of ${runs.length} benchmarks ran).`,
);
process.exit(runs.every((r) => r.ok) ? 0 : 1);
