import { describeAccountToolsScenarios } from '@/testing/api-scenarios/account-tools.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeAccountToolsScenarios('MSW handlers', mockScenarioBackend);
