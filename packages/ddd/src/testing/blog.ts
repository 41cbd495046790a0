import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { TableRepository } from '../repositories/table-repository';
import { Worker } from '../workers/worker';

// Tables the package's tests share: the seed's users, posts referencing them, and a composite key.
export const users = pgTable('user', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  email: text().notNull().unique(),
  active: boolean().notNull().default(false),
});

export const posts = pgTable(
  'post',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    author: uuid()
      .notNull()
      .references(() => users.id),
    title: text().notNull(),
    score: integer().notNull().default(0),
    summary: text(),
  },
  (table) => [check('post_score_positive', sql`${table.score} >= 0`)],
);

export const memberships = pgTable(
  'membership',
  { group: text().notNull(), member: integer().notNull() },
  (table) => [primaryKey({ columns: [table.group, table.member] })],
);

export class UserRepository extends TableRepository<typeof users> {
  table = users;

  countActive(): Promise<number> {
    return this.count({ active: true });
  }
}

export class PostRepository extends TableRepository<typeof posts> {
  table = posts;
}

export class MembershipRepository extends TableRepository<typeof memberships> {
  table = memberships;
}

export class BlogWorker extends Worker {
  user = this.repository(UserRepository);
  post = this.repository(PostRepository);
}
