import { z } from 'zod';
import { idField, strictInputErrors, timestampField, versionField } from './fields';
import { emailField, newPasswordField, roles, userNameField } from './session';

const roleField = z.enum(roles, { error: 'role.invalid' });

export const userSchema = z.object({
  id: idField,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  createdAt: timestampField,
  updatedAt: timestampField,
  /** When the user last signed in; null if never. */
  lastSignInAt: timestampField.nullable(),
  version: versionField,
});

export const userListSchema = z.object({ items: z.array(userSchema) });

export const userCreateInputSchema = z.strictObject(
  { name: userNameField, email: emailField, role: roleField, password: newPasswordField },
  strictInputErrors,
);

/** An administrator may rename, change the role, or set a new password (which signs the user out everywhere). */
export const userUpdateInputSchema = z.strictObject(
  {
    version: versionField,
    name: userNameField.optional(),
    email: emailField.optional(),
    role: roleField.optional(),
    password: newPasswordField.optional(),
  },
  strictInputErrors,
);

export type User = z.infer<typeof userSchema>;
export type UserCreateInput = z.input<typeof userCreateInputSchema>;
export type UserUpdateInput = z.input<typeof userUpdateInputSchema>;
