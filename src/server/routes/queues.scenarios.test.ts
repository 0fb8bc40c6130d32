// @vitest-environment node
import { describeQueuesScenarios } from '@/testing/api-scenarios/queues.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeQueuesScenarios);
