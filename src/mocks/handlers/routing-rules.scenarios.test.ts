import { describeRoutingRulesScenarios } from '@/testing/api-scenarios/routing-rules.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeRoutingRulesScenarios('MSW handlers', mockScenarioBackend);
