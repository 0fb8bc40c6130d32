import { describeScriptedInputScenarios } from '@/testing/api-scenarios/scripted-input.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeScriptedInputScenarios('MSW handlers', mockScenarioBackend);
