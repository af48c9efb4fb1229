/**
 * `npm run bench` runs every benchmark; `npm run bench -- log-knock` runs only the ones named.
 * Add a benchmark by writing bench/<name>.ts with `export async function run(): Promise<boolean>`
 * (false when its correctness checks failed) and listing it below.
 *
 * Exit code: 0 when every benchmark ran and its checks held, whatever its PASS/FAIL against
 * targets (a benchmark reports, it does not gate); 1 when one errored or answered incorrectly.
 */
import { BenchSetupError } from './database.js';

type Benchmark = () => Promise<{ run(): Promise<boolean> }>;

// Imported lazily so running one benchmark does not load the others.
const BENCHMARKS: Record<string, Benchmark> = {
  'log-knock': () => import('./log-knock.js'),
  home: () => import('./home.js'),
  shifts: () => import('./shifts.js'),
  digest: () => import('./digest.js'),
  segments: () => import('./segments.js'),
  embedded: () => import('./embedded.js'),
};

// `npm run bench | head` closes stdout early: keep running (quietly) so the database is still dropped.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

async function main(): Promise<number> {
  const requested = process.argv.slice(2).filter((arg) => arg !== '--');
  const unknown = requested.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(BENCHMARKS).join(', ')}`);
    return 1;
  }
  const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);

  let exitCode = 0;
  for (const name of names) {
    const started = Date.now();
    try {
      const benchmark = await BENCHMARKS[name]!();
      if (!(await benchmark.run())) exitCode = 1;
    } catch (error) {
      exitCode = 1;
      if (error instanceof BenchSetupError) console.error(`${name}: ${error.message}`);
      else console.error(`${name} failed:`, error);
      // Without PostgreSQL no benchmark can run; say it once.
      if (error instanceof BenchSetupError) break;
    }
    console.log(`(${name} took ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  return exitCode;
}

// Exit explicitly: a library's keep-alive socket or timer must not keep a finished run alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
