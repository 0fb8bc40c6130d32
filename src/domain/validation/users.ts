/** Validation codes of sign-in, the first administrator and users, with their English wording. */
export const userValidationMessages = {
  'email.required': 'Enter an email address.',
  'email.taken': 'Another user already signs in with this email address.',
  'password.required': 'Enter a password.',
  'password.tooShort': 'Use at least 12 characters for the password.',
  'password.tooLong': 'Keep the password to 200 characters or fewer.',
  'password.wrong': 'The current password is not right.',
  'role.invalid': 'Choose administrator or agent.',
  'user.lastAdmin': 'At least one administrator must remain. Make another user an administrator first.',
  'user.self': 'You cannot remove yourself or take away your own administrator role.',
  'setup.linkInvalid': 'This setup link has expired or was already used. Restart the server to print a new one.',
} as const;
