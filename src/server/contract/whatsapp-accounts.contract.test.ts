// @vitest-environment node
import { describeWhatsAppAccountsContract } from '@/api/contract-suite/whatsapp-accounts.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeWhatsAppAccountsContract);
