// @vitest-environment node
import { describeWhatsAppSetupScenarios } from '@/testing/api-scenarios/whatsapp-setup.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeWhatsAppSetupScenarios);
