// @vitest-environment node
import { describeBotScenarios } from '@/testing/api-scenarios/bot.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeBotScenarios);
