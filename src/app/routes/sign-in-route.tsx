import { lazy } from 'react';

/** The page's form, validation and failure messages come after the first paint; the route itself does not wait. */
export const loadSignInPage = () => import('@/features/auth/components/sign-in/sign-in-page');

const SignInPage = lazy(() => loadSignInPage().then((module) => ({ default: module.SignInPage })));

export function Component() {
  return <SignInPage showDemoUsers={import.meta.env.MODE === 'demo'} />;
}
