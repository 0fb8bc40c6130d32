// @vitest-environment node
import { describeConversationsScenarios } from '@/testing/api-scenarios/conversations.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeConversationsScenarios);
