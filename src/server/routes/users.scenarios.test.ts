// @vitest-environment node
import { describeUsersScenarios } from '@/testing/api-scenarios/users.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeUsersScenarios);
