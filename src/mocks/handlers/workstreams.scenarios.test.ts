import { describeWorkstreamsScenarios } from '@/testing/api-scenarios/workstreams.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeWorkstreamsScenarios('MSW handlers', mockScenarioBackend);
