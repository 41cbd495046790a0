import { describe, expect, it } from 'vitest';
import { DatabaseURLError, parseDatabaseURL, redactURL } from './database-url';

describe('parseDatabaseURL', () => {
  it('reads PostgreSQL URLs', () => {
    for (const url of ['postgres://u@h:5432/db', 'postgresql://u:p@h/db?search_path=s']) {
      expect(parseDatabaseURL(url)).toEqual({ kind: 'postgres', url });
    }
  });

  it('reads PGlite: embedded in .flama/db by default, in memory, or in a directory', () => {
    expect(parseDatabaseURL(undefined, '/app')).toEqual({ kind: 'pglite', dataDir: '/app/.flama/db' });
    expect(parseDatabaseURL('', '/app')).toEqual({ kind: 'pglite', dataDir: '/app/.flama/db' });
    expect(parseDatabaseURL('pglite://memory')).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(parseDatabaseURL('pglite://data/db', '/app')).toEqual({ kind: 'pglite', dataDir: '/app/data/db' });
    expect(parseDatabaseURL('pglite:///var/db', '/app')).toEqual({ kind: 'pglite', dataDir: '/var/db' });
  });

  it('refuses anything else, without showing a password', () => {
    for (const url of ['mysql://root:secret@h/db', 'pglite://', 'sqlite.db']) {
      expect(() => parseDatabaseURL(url)).toThrow(DatabaseURLError);
    }
    expect(() => parseDatabaseURL('mysql://root:secret@h/db')).toThrow(/mysql:\/\/root:\*\*\*@h\/db/);
  });

  it('redacts passwords', () => {
    expect(redactURL('postgres://user:s3cr3t@host:5432/db')).toBe('postgres://user:***@host:5432/db');
    expect(redactURL('postgres://user@host/db')).toBe('postgres://user@host/db');
  });
});
