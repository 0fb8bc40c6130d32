import { describeWhatsAppAccountsScenarios } from '@/testing/api-scenarios/whatsapp-accounts.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeWhatsAppAccountsScenarios('MSW handlers', mockScenarioBackend);
