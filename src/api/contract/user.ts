import { z } from 'zod';
import { despiteOtherIssuesInArray, looseProperty } from './despite-other-issues';
import { idField, requiredText, strictInputErrors, timestampField, versionField } from './fields';
import { DEFAULT_USER_CAPACITY, MAX_USER_CAPACITY } from '@/domain/work-distribution/capacity';
import { presences } from '@/domain/work-distribution/presence';
import { MAX_SKILL_LEVEL, MAX_SKILL_NAME_LENGTH, MAX_SKILLS, MIN_SKILL_LEVEL, skillKey } from '@/domain/work-distribution/skills';
import { emailField, newPasswordField, roles, userNameField } from './session';

const roleField = z.enum(roles, { error: 'role.invalid' });

export const capacityField = z
  .number({ error: 'userCapacity.range' })
  .int({ error: 'userCapacity.range' })
  .min(1, { error: 'userCapacity.range' })
  .max(MAX_USER_CAPACITY, { error: 'userCapacity.range' });

export const skillLevelField = z
  .number({ error: 'skillLevel.range' })
  .int({ error: 'skillLevel.range' })
  .min(MIN_SKILL_LEVEL, { error: 'skillLevel.range' })
  .max(MAX_SKILL_LEVEL, { error: 'skillLevel.range' });

export const skillInputSchema = z.strictObject(
  { name: requiredText(MAX_SKILL_NAME_LENGTH, { required: 'skillName.required', tooLong: 'skillName.tooLong' }), level: skillLevelField },
  strictInputErrors,
);

/** A list of skills, each named once (without regard to case). */
export const skillsField = z
  .array(skillInputSchema, { error: 'field.invalid' })
  .max(MAX_SKILLS, { error: 'skills.tooMany' })
  .superRefine((skills: unknown[], ctx) => {
    const seen = new Set<string>();
    skills.forEach((skill, index) => {
      const name = looseProperty(skill, 'name');
      if (typeof name !== 'string') return;
      const key = skillKey(name);
      if (key !== '' && seen.has(key)) ctx.addIssue({ code: 'custom', message: 'skillName.duplicate', path: [index, 'name'], input: name });
      seen.add(key);
    });
  }, despiteOtherIssuesInArray);

export const skillSchema = z.object({ name: z.string(), level: z.number().int() });

export const userSchema = z.object({
  id: idField,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  /** The presence routing sees: what they chose, or Offline when they have not been around for a few minutes. */
  presence: z.enum(presences),
  /** Units of conversations they can hold at once (a workstream says what one costs). */
  capacity: z.number().int(),
  skills: z.array(skillSchema),
  createdAt: timestampField,
  updatedAt: timestampField,
  /** When the user last signed in; null if never. */
  lastSignInAt: timestampField.nullable(),
  version: versionField,
});

export const userListSchema = z.object({ items: z.array(userSchema) });

export const userCreateInputSchema = z.strictObject(
  {
    name: userNameField,
    email: emailField,
    role: roleField,
    password: newPasswordField,
    capacity: capacityField.default(DEFAULT_USER_CAPACITY),
    skills: skillsField.default([]),
  },
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
    capacity: capacityField.optional(),
    skills: skillsField.optional(),
  },
  strictInputErrors,
);

/** PUT /api/session/presence: the signed-in user's own presence. */
export const presenceInputSchema = z.strictObject({ presence: z.enum(presences, { error: 'presence.invalid' }) }, strictInputErrors);
export const presenceSchema = z.object({ presence: z.enum(presences) });

export type User = z.infer<typeof userSchema>;
export type Skill = z.infer<typeof skillSchema>;
export type PresenceInput = z.infer<typeof presenceInputSchema>;
export type UserCreateInput = z.input<typeof userCreateInputSchema>;
export type UserUpdateInput = z.input<typeof userUpdateInputSchema>;
