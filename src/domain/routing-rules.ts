/** What a routing condition can look at: the customer's number and their first message. */
export type ConditionField = 'customerPhone' | 'firstMessage';
export type ConditionOperator = 'startsWith' | 'equals' | 'contains';

/** The operators each field offers: a phone number by prefix or whole, a message by words or whole. */
export const operatorsByField: Record<ConditionField, readonly ConditionOperator[]> = {
  customerPhone: ['startsWith', 'equals'],
  firstMessage: ['contains', 'equals'],
};

export interface RoutingCondition {
  field: ConditionField;
  operator: ConditionOperator;
  value: string;
}

export interface RoutingRule {
  id: string;
  name: string;
  /** All must hold (AND). */
  conditions: readonly RoutingCondition[];
  queueId: string;
}

export interface IncomingConversation {
  /** The customer's number, E.164 or as WhatsApp sends it ("whatsapp:+358…"). */
  customerPhone: string;
  firstMessage: string;
}

export const MAX_ROUTING_RULES = 100;
export const MAX_CONDITIONS_PER_RULE = 10;
