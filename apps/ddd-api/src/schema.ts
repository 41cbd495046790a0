import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/** The users of the registration domain (the table's migrations are in drizzle/). */
export const users = pgTable('user', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  surname: text().notNull(),
  email: text().notNull().unique(),
  /** A salted scrypt hash (see passwords.ts), never the password. */
  password: text().notNull(),
  active: boolean().notNull().default(false),
});
