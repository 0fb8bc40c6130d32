import { describeWhatsAppSetupScenarios } from '@/testing/api-scenarios/whatsapp-setup.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeWhatsAppSetupScenarios('MSW handlers', mockScenarioBackend);
