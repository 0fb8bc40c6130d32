import { sendTwilioError } from '../http';
import type { StoredMedia } from '../state';
import { authorizedAccount, sendNotFound, type Route, type RouteContext } from './context';

function sendBytes(context: RouteContext, media: StoredMedia): void {
  context.response.writeHead(200, { 'Content-Type': media.contentType, 'Content-Length': media.bytes.length });
  context.response.end(media.bytes);
}

export const mediaRoutes: Route[] = [
  {
    // Media URLs need the account's credentials; Twilio then redirects to a short-lived CDN address.
    method: 'GET',
    pattern: /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\/Media\/(ME[0-9a-f]{32})$/,
    handle(context, match) {
      const account = authorizedAccount(context, decodeURIComponent(match[1]!));
      if (!account) return;
      const media = context.state.media.get(match[3]!);
      if (!media || media.accountSid !== account.accountSid || media.messageSid !== match[2]) {
        sendNotFound(context);
        return;
      }
      if (!context.mediaRedirects) {
        sendBytes(context, media);
        return;
      }
      context.state.redirects.set(media.redirectToken, match[3]!);
      context.response.writeHead(307, { Location: `${context.origin}/_sim/cdn/${media.redirectToken}` });
      context.response.end();
    },
  },
  {
    method: 'GET',
    pattern: /^\/_sim\/cdn\/([0-9a-f]+)$/,
    handle(context, match) {
      const sid = context.state.redirects.get(match[1]!);
      const media = sid ? context.state.media.get(sid) : undefined;
      if (!media) {
        sendTwilioError(context.response, 404, 20404, 'Media not found');
        return;
      }
      sendBytes(context, media);
    },
  },
];
