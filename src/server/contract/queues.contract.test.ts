// @vitest-environment node
import { describeQueuesContract } from '@/api/contract-suite/queues.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeQueuesContract);
