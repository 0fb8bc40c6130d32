import { isoSeconds } from '../dates';
import { sendJson, sendTwilioError } from '../http';
import type { SimAccount } from '../types';
import { authorizedAccount, type Route, type RouteContext } from './context';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

type Template = SimAccount['templates'][number];

function common(account: SimAccount, template: Template): Record<string, unknown> {
  const created = isoSeconds(account.createdAt);
  return {
    date_created: created,
    date_updated: created,
    sid: template.sid,
    account_sid: account.accountSid,
    friendly_name: template.friendlyName,
    language: template.language,
    variables: template.variables,
    types: { 'twilio/text': { body: template.body } },
  };
}

function withApproval(account: SimAccount, template: Template): Record<string, unknown> {
  return {
    ...common(account, template),
    approval_requests: {
      name: template.friendlyName,
      category: template.category ?? '',
      content_type: 'twilio/text',
      status: template.approval,
      rejection_reason: template.rejectionReason ?? '',
      allow_category_change: template.approval !== 'approved',
    },
  };
}

function withLinks(origin: string) {
  return (account: SimAccount, template: Template): Record<string, unknown> => ({
    ...common(account, template),
    url: `${origin}/v1/Content/${template.sid}`,
    links: {
      approval_create: `${origin}/v1/Content/${template.sid}/ApprovalRequests/whatsapp`,
      approval_fetch: `${origin}/v1/Content/${template.sid}/ApprovalRequests`,
    },
  });
}

function integerParameter(url: URL, name: string, fallback: number, min: number, max: number): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** A Content API list page: `contents` and `meta` with page URLs, as content.twilio.com answers. */
function listPage(context: RouteContext, resource: string, toItem: (account: SimAccount, template: Template) => Record<string, unknown>): void {
  const account = authorizedAccount(context, null);
  if (!account) return;
  const pageSize = integerParameter(context.url, 'PageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const page = integerParameter(context.url, 'Page', 0, 0, Number.MAX_SAFE_INTEGER);
  if (pageSize === null || page === null) {
    sendTwilioError(context.response, 400, 20001, 'Invalid PageSize or Page');
    return;
  }
  const base = `${context.origin}/v1/${resource}`;
  const pageUrl = (index: number) => `${base}?PageSize=${pageSize}&Page=${index}${index > 0 ? `&PageToken=PT${index}` : ''}`;
  const items = account.templates.slice(page * pageSize, (page + 1) * pageSize);
  const hasNext = (page + 1) * pageSize < account.templates.length;
  sendJson(context.response, 200, {
    contents: items.map((template) => toItem(account, template)),
    meta: {
      page,
      page_size: pageSize,
      first_page_url: pageUrl(0),
      previous_page_url: page > 0 ? pageUrl(page - 1) : null,
      url: pageUrl(page),
      next_page_url: hasNext ? pageUrl(page + 1) : null,
      key: 'contents',
    },
  });
}

export const contentRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/ContentAndApprovals$/, handle: (context) => listPage(context, 'ContentAndApprovals', withApproval) },
  { method: 'GET', pattern: /^\/v1\/Content$/, handle: (context) => listPage(context, 'Content', withLinks(context.origin)) },
];
