// @vitest-environment node
import { describeConversationsContract } from '@/api/contract-suite/conversations.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeConversationsContract);
