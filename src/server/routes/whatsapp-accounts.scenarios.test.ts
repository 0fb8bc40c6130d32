// @vitest-environment node
import { describeWhatsAppAccountsScenarios } from '@/testing/api-scenarios/whatsapp-accounts.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeWhatsAppAccountsScenarios);
