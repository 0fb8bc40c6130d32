// @vitest-environment node
import { describeWhatsAppSetupContract } from '@/api/contract-suite/whatsapp-setup.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeWhatsAppSetupContract);
