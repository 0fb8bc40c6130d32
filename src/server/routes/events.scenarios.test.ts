// @vitest-environment node
import { describeEventsScenarios } from '@/testing/api-scenarios/events.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeEventsScenarios);
