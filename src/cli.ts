/**
 * Operator commands: `npm run migrate` (apply pending migrations and exit); `npm run digest -- …`
 * (preview or post the weekly digest; see src/digest/digest-command.ts).
 */
import dotenv from 'dotenv';
import { z } from 'zod';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DIGEST_USAGE, UsageError, digestCommand } from './digest/digest-command.js';

// .env fills in what the environment leaves unset; quiet, so start-up prints only our own lines.
dotenv.config({ quiet: true });

const databaseSettings = z.object({
  DATABASE_URL: z.string().trim().optional().transform((v) => (v ? v : undefined)),
  DATA_DIR: z.string().trim().min(1).default('./data'),
});

async function run(command: string | undefined, args: string[]): Promise<void> {
  switch (command) {
    case 'migrate': {
      const settings = databaseSettings.parse(process.env);
      const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR, poolSize: 1 });
      try {
        const { results } = await migrateToLatest(database.db);
        const applied = results?.map((r) => r.migrationName) ?? [];
        console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
      return;
    }
    case 'digest':
      try {
        await digestCommand(args);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`${error.message}\n\n${DIGEST_USAGE}`);
        process.exitCode = 2;
      }
      return;
    default:
      console.error(`Usage: npm run migrate\n${DIGEST_USAGE}`);
      process.exitCode = 2;
  }
}

run(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
