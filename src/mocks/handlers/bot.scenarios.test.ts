import { describeBotScenarios } from '@/testing/api-scenarios/bot.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeBotScenarios('MSW handlers', mockScenarioBackend);
