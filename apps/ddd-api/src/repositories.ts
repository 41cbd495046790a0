import { TableRepository } from '@flama/ddd';
import { users } from './schema';

export class UserRepository extends TableRepository<typeof users> {
  table = users;

  /** Not used by the routes: a custom method, which runs in the worker's transaction like the others. */
  countActive(): Promise<number> {
    return this.count({ active: true });
  }
}
