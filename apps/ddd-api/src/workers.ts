import { Worker } from '@flama/ddd';
import { UserRepository } from './repositories';

/** The unit of work of registration: its repositories share one transaction in each `run`. */
export class RegisterWorker extends Worker {
  user = this.repository(UserRepository);
}
