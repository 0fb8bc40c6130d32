import { SignInPage } from '@/features/auth/components/sign-in/sign-in-page';

export function Component() {
  return <SignInPage showDemoUsers={import.meta.env.MODE === 'demo'} />;
}
