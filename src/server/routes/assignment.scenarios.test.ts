// @vitest-environment node
import { describeAssignmentScenarios } from '@/testing/api-scenarios/assignment.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeAssignmentScenarios);
