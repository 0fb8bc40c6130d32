export const MIN_SKILL_LEVEL = 1;
export const MAX_SKILL_LEVEL = 10;
export const MAX_SKILLS = 30;
export const MAX_SKILL_NAME_LENGTH = 50;

export interface Skill {
  name: string;
  level: number;
}

/** Skill names compare without case and surrounding space: "Finnish" and " finnish" are one skill. */
export function skillKey(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}

/** How many of the required skills the agent has at the required level or above. */
export function skillCoverage(agentSkills: readonly Skill[], required: readonly Skill[]): number {
  const levels = new Map(agentSkills.map((skill) => [skillKey(skill.name), skill.level]));
  return required.filter((need) => (levels.get(skillKey(need.name)) ?? 0) >= need.level).length;
}

export function hasEverySkill(agentSkills: readonly Skill[], required: readonly Skill[]): boolean {
  return skillCoverage(agentSkills, required) === required.length;
}
