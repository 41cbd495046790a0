import { App } from '@flama/routing';
import { z } from 'zod';

const User = z.object({ name: z.string(), email: z.email() });

export const app = new App({ title: 'Users', version: '1.0.0' })
  .get('/users/', { response: z.array(User) }, () => [])
  .post('/users/', { body: User, response: User, status: 201 }, ({ body }) => body);
