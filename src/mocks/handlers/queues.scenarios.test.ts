import { describeQueuesScenarios } from '@/testing/api-scenarios/queues.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeQueuesScenarios('MSW handlers', mockScenarioBackend);
