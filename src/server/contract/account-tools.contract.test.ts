// @vitest-environment node
import { describeAccountToolsContract } from '@/api/contract-suite/account-tools.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeAccountToolsContract);
