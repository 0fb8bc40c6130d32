// @vitest-environment node
import { describeRoutingRulesContract } from '@/api/contract-suite/routing-rules.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeRoutingRulesContract);
