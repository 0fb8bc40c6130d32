// @vitest-environment node
import { describeUsersContract } from '@/api/contract-suite/users.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeUsersContract);
