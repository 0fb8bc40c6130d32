import { z } from 'zod';
import type { Role } from '@/api/contract/session';
import { capacityField, skillsField, userCreateInputSchema, type Skill, type User, type UserUpdateInput } from '@/api/contract/user';
import { DEFAULT_USER_CAPACITY } from '@/domain/work-distribution/capacity';

const { name, email, role, password } = userCreateInputSchema.shape;
const capacity = capacityField;
const skills = skillsField;

/**
 * The add and edit forms share one shape. The password is checked only when one is
 * being set: always for a new user, on request when editing. Fields are named as in the
 * API, so that the server's field errors land on them.
 */
export const userFormSchema = z.discriminatedUnion('setPassword', [
  z.object({ name, email, role, capacity, skills, setPassword: z.literal(true), password }),
  z.object({ name, email, role, capacity, skills, setPassword: z.literal(false), password: z.string() }),
]);

export interface UserFormValues {
  name: string;
  email: string;
  role: Role;
  capacity: number;
  skills: Skill[];
  setPassword: boolean;
  password: string;
}

export type UserFormOutput = z.output<typeof userFormSchema>;

/** Paths of the form's fields; a server error on any other path is said in the dialog. */
export const ownsField = (path: string) => /^(name|email|password|capacity|skills(\.\d+\.(name|level))?)$/.test(path);

/** What the Add user dialog starts from; `invite` fills in someone a queue is waiting for. */
export const newUserValues = (invite?: { name: string; email: string }): UserFormValues => ({
  name: invite?.name ?? '',
  email: invite?.email ?? '',
  role: 'agent',
  capacity: DEFAULT_USER_CAPACITY,
  skills: [],
  setPassword: true,
  password: '',
});

export const userValues = (user: User): UserFormValues => ({
  name: user.name,
  email: user.email,
  role: user.role,
  capacity: user.capacity,
  skills: user.skills.map((skill) => ({ ...skill })),
  setPassword: false,
  password: '',
});

const sameSkills = (a: readonly Skill[], b: readonly Skill[]) =>
  a.length === b.length && a.every((skill, index) => skill.name === b[index]?.name && skill.level === b[index]?.level);

/** Only what differs from the user as the form loaded them; null when nothing does. */
export function userChanges(user: User, values: UserFormOutput): Omit<UserUpdateInput, 'version'> | null {
  const changes: Omit<UserUpdateInput, 'version'> = {
    ...(values.name === user.name ? {} : { name: values.name }),
    ...(values.email === user.email ? {} : { email: values.email }),
    ...(values.role === user.role ? {} : { role: values.role }),
    ...(values.capacity === user.capacity ? {} : { capacity: values.capacity }),
    ...(sameSkills(values.skills, user.skills) ? {} : { skills: values.skills }),
    ...(values.setPassword ? { password: values.password } : {}),
  };
  return Object.keys(changes).length > 0 ? changes : null;
}
