import { z } from 'zod';
import type { Role } from '@/api/contract/session';
import { userCreateInputSchema, type User, type UserUpdateInput } from '@/api/contract/user';

const { name, email, role, password } = userCreateInputSchema.shape;

/**
 * The add and edit forms share one shape. The password is checked only when one is
 * being set: always for a new user, on request when editing. Fields are named as in the
 * API, so that the server's field errors land on them.
 */
export const userFormSchema = z.discriminatedUnion('setPassword', [
  z.object({ name, email, role, setPassword: z.literal(true), password }),
  z.object({ name, email, role, setPassword: z.literal(false), password: z.string() }),
]);

export interface UserFormValues {
  name: string;
  email: string;
  role: Role;
  setPassword: boolean;
  password: string;
}

export type UserFormOutput = z.output<typeof userFormSchema>;

/** Paths of the form's fields; a server error on any other path is said in the dialog. */
export const userFormFields = ['name', 'email', 'password'] as const;
export const ownsField = (path: string) => (userFormFields as readonly string[]).includes(path);

export const newUserValues = (): UserFormValues => ({ name: '', email: '', role: 'agent', setPassword: true, password: '' });

export const userValues = (user: User): UserFormValues => ({
  name: user.name,
  email: user.email,
  role: user.role,
  setPassword: false,
  password: '',
});

/** Only what differs from the user as the form loaded them; null when nothing does. */
export function userChanges(user: User, values: UserFormOutput): Omit<UserUpdateInput, 'version'> | null {
  const changes: Omit<UserUpdateInput, 'version'> = {
    ...(values.name === user.name ? {} : { name: values.name }),
    ...(values.email === user.email ? {} : { email: values.email }),
    ...(values.role === user.role ? {} : { role: values.role }),
    ...(values.setPassword ? { password: values.password } : {}),
  };
  return Object.keys(changes).length > 0 ? changes : null;
}
