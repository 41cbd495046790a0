import { IntegrityError, NotFoundError, rethrowAsHTTP } from '@flama/ddd';
import { HTTPException, resource, type z } from 'flama';
import { hashPassword, verifyPassword } from './passwords';
import type { UserRepository } from './repositories';
import { User, UserCredentials, UserDetails } from './schemas';
import { RegisterWorker } from './workers';

const inject = { worker: RegisterWorker };
const tags = ['User'];

/** The user whose credentials these are: 404 for an unknown email, 401 for a wrong password. */
async function authenticate(user: UserRepository, credentials: z.output<typeof UserCredentials>) {
  const found = await user.retrieve({ email: credentials.email }).catch(NotFoundError.rethrowAs(404));
  if (!(await verifyPassword(credentials.password, found.password))) throw new HTTPException(401);
  return found;
}

export const UserResource = resource({ name: 'user', verboseName: 'User' })
  .post(
    '/',
    { name: 'create', summary: 'User create', description: 'Create a user', tags, body: UserDetails, inject },
    async ({ body, worker }) => {
      const password = await hashPassword(body.password);
      // The unique email decides: a second registration of an email leaves the first one as it was.
      await worker
        .run(({ user }) => user.create({ ...body, password, active: false }))
        .catch((error: unknown) => {
          if (!(error instanceof IntegrityError && error.violation === 'unique')) rethrowAsHTTP(error);
        });
    },
  )
  .post(
    '/signin/',
    {
      name: 'signin',
      summary: 'User sign in',
      description: 'Returns the user, once activated',
      tags,
      body: UserCredentials,
      response: User,
      responses: { 400: 'User not active', 401: 'Wrong password', 404: 'User not found' },
      inject,
    },
    ({ body, worker }) =>
      worker.run(async ({ user }) => {
        const found = await authenticate(user, body);
        if (!found.active) throw new HTTPException(400, 'User must be activated via /user/activate/');
        return found;
      }),
  )
  .post(
    '/activate/',
    {
      name: 'activate',
      summary: 'User activate',
      description: 'Activate an existing user',
      tags,
      body: UserCredentials,
      responses: { 401: 'Wrong password', 404: 'User not found' },
      inject,
    },
    async ({ body, worker }) => {
      await worker.run(async ({ user }) => {
        const found = await authenticate(user, body);
        if (!found.active) await user.update({ active: true }, { id: found.id });
      });
    },
  )
  .post(
    '/deactivate/',
    {
      name: 'deactivate',
      summary: 'User deactivate',
      description: 'Deactivate an existing user',
      tags,
      body: UserCredentials,
      responses: { 401: 'Wrong password', 404: 'User not found' },
      inject,
    },
    async ({ body, worker }) => {
      await worker.run(async ({ user }) => {
        const found = await authenticate(user, body);
        if (found.active) await user.update({ active: false }, { id: found.id });
      });
    },
  );
