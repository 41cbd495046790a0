import { z } from 'flama';

export const UserDetails = z
  .object({
    name: z.string().min(1),
    surname: z.string().min(1),
    email: z.email(),
    password: z.string().min(6).max(256),
  })
  .meta({ id: 'UserDetails', description: 'A user to register.' });

export const UserCredentials = z
  .object({ email: z.email(), password: z.string().max(256) })
  .meta({ id: 'UserCredentials' });

/** A user as the API shows it: never the password hash. */
export const User = z
  .object({ id: z.uuid(), name: z.string(), surname: z.string(), email: z.string(), active: z.boolean() })
  .meta({ id: 'User' });

export const Info = z
  .object({ title: z.string(), description: z.string(), public: z.boolean() })
  .meta({ id: 'Info' });
