/**
 * Runs once per `npm test`: builds one migrated template database that every test file copies.
 * On PGlite the template is a data-directory dump; on PostgreSQL (TEST_DATABASE_URL) it is a
 * database used as CREATE DATABASE ... TEMPLATE, dropped again at the end of the run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPglite } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { databaseUrlFor, dropDatabase, type TestDatabaseTemplate } from './test-database-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTemplate;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (serverUrl) {
    const templateName = `groundwork_template_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${templateName}"`);
    const template = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, templateName), dataDir: '', poolSize: 1 });
    await migrateToLatest(template.db);
    await template.close();
    project.provide('testDatabase', { kind: 'postgres', serverUrl, templateName });
    return async () => {
      await dropDatabase(admin, templateName);
      await admin.end();
    };
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'groundwork-test-'));
  const pglite = await PGlite.create();
  const database = openPglite(pglite);
  await migrateToLatest(database.db);
  const dump = await pglite.dumpDataDir('none');
  const dumpPath = path.join(folder, 'template.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('testDatabase', { kind: 'pglite', dumpPath });
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
