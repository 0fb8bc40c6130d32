import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { accessGuard } from './auth/access';
import type { ServerContext } from './context';
import { apiNotFound, clientErrorProblem, registerErrorHandling, routerProblem, sendProblem } from './http/errors';
import { UnreadableBody } from './http/input';
import { recordRoutes } from './http/route-table';
import { readJsonText } from '@/api/contract/json-body';
import { logAnsweredRequests, loggerOptions } from './logging';
import { auditRoutes } from './routes/audit-events';
import { healthRoutes } from './routes/health';
import { sessionRoutes } from './routes/session';
import { setupRoutes } from './routes/setup';
import { userRoutes } from './routes/users';
import { whatsAppAccountRoutes } from './routes/whatsapp-accounts';
import { configurationRoutes } from './routes/configuration';
import { accountToolRoutes } from './routes/account-tools';
import { conversationActionRoutes } from './routes/conversation-actions';
import { conversationRoutes } from './routes/conversations';
import { eventRoutes } from './routes/events';
import { mediaRoutes } from './routes/media';
import { publicMediaRoutes } from './routes/public-media';
import { webhookRoutes } from './routes/webhooks';

/** Bodies of the admin API are small; anything larger is a mistake or an attack. */
export const API_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  /** Pino options, or false for no logs (tests); a stream for tests that read the logs. */
  logger?: FastifyServerOptions['logger'];
  /** Registers more routes before the app is ready: tests add probes this way. */
  extend?: (app: FastifyInstance) => void;
}

export async function buildApp(context: ServerContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(context.config.logLevel),
    // One line per request instead, at debug (logAnsweredRequests).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: context.config.trustProxy as boolean,
    bodyLimit: API_BODY_LIMIT,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // In-flight requests finish on close; idle keep-alive connections go at once.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Refusals made before any route runs are problem details too, and do not echo the path.
    frameworkErrors: routerProblem,
    clientErrorHandler: clientErrorProblem,
  });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const read = readJsonText(String(body));
    // A body that cannot be used is answered by the route, after the checks it makes first (as the mock does).
    done(null, read.ok ? read.value : new UnreadableBody(read.detail));
  });

  recordRoutes(app);
  logAnsweredRequests(app);
  app.decorateRequest('session', null);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // A keep-alive connection would hold the shutdown open after its last answer.
    if (closing) reply.header('connection', 'close');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  registerErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Fluent UI writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: context.config.publicUrl.startsWith('https:'),
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  await app.register(healthRoutes(context));
  await app.register(
    async (api) => {
      api.addHook('onRequest', accessGuard(context));
      await api.register(sessionRoutes(context));
      await api.register(setupRoutes(context));
      await api.register(userRoutes(context));
      await api.register(auditRoutes(context));
      await api.register(whatsAppAccountRoutes(context));
      await api.register(configurationRoutes(context));
      await api.register(accountToolRoutes(context));
      await api.register(conversationRoutes(context));
      await api.register(conversationActionRoutes(context));
      await api.register(eventRoutes(context));
      await api.register(mediaRoutes(context));
    },
    { prefix: '/api' },
  );
  // Twilio's calls: signed per account instead of a session (src/server/twilio/signature.ts).
  await app.register(webhookRoutes(context), { prefix: '/webhooks/twilio' });
  await app.register(publicMediaRoutes(context), { prefix: '/media' });

  options.extend?.(app);

  const indexHtml = join(context.config.staticDir, 'index.html');
  const hasSpa = existsSync(indexHtml);
  if (hasSpa) {
    await app.register(fastifyStatic, { root: context.config.staticDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') return apiNotFound(reply);
    if (hasSpa && (request.method === 'GET' || request.method === 'HEAD')) {
      // Deep links of the browser router load the app, which then shows the page.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, { type: 'about:blank', title: 'Not found', status: 404, detail: 'Nothing is served at this address.' });
  });

  return app;
}
