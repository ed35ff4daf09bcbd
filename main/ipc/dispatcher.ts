// SPDX-License-Identifier: UNLICENSED
// One entry point for every call, whatever the transport (Electron IPC or browser-mode HTTP): the method must be in
// the contract, the argument must pass its schema, the client must be signed in with the right role and, if its
// user still has to replace a factory PIN, call nothing but the PIN change — only then does the handler run.
// Failures become an ApiError envelope; nothing a handler throws leaks to the caller as is. A DukkanError is an
// expected refusal and is answered with its catalog code (apiErrors.ts); anything else is a bug: logged with its
// stack and answered "internal" without details (app/errors/dukkanError.ts).
import { ALLOWED_BEFORE_PIN_CHANGE, API, type Access, type MethodOutput, type ParsedInput } from '../../app/contract/api';
import type { ApiResult } from '../../app/contract/errors';
import { isMethodName, type MethodName } from '../../app/contract/methodNames';
import { DukkanError, isDukkanError } from '../../app/errors/index';
import { errorFields, type Logger } from '../log/logger';
import type { ClientSession } from '../users/sessions';
import { apiErrorOf } from './apiErrors';
import { fieldErrorsOf } from './inputIssues';

export interface CallContext {
  readonly session: ClientSession;
}

export type ApiHandlers = {
  readonly [M in MethodName]: (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** Told when each call starts and ends, whatever its outcome (main/app/quietMoments.ts waits for quiet moments). */
export interface CallActivity {
  started(): void;
  ended(): void;
}

export interface Dispatcher {
  call(method: unknown, input: unknown, session: ClientSession): Promise<ApiResult<unknown>>;
}

function allowed(access: Access, session: ClientSession): DukkanError | undefined {
  if (access === 'anyone') return undefined;
  if (!session.user) return new DukkanError('session.not-signed-in');
  if (access === 'manager' && session.user.role !== 'manager') return new DukkanError('session.manager-only');
  return undefined;
}

export interface DispatcherOptions {
  readonly handlers: () => ApiHandlers;
  /**
   * Whether the session's user must choose a new PIN first (a factory PIN on a live terminal). Such a session may
   * call only ALLOWED_BEFORE_PIN_CHANGE: the renderer is untrusted, so skipping its PIN change screen gains nothing.
   */
  readonly pinChangeRequired: (session: ClientSession) => boolean;
  readonly logger: Logger;
  readonly activity?: CallActivity;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const log = options.logger.child({ component: 'api' });
  const activity = options.activity;
  return {
    async call(method, input, session) {
      if (!activity) return answer(method, input, session);
      activity.started();
      try {
        return await answer(method, input, session);
      } finally {
        activity.ended();
      }
    },
  };

  async function answer(method: unknown, input: unknown, session: ClientSession): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) {
      log.warn('api.unknown-method', { method: typeof method === 'string' ? method.slice(0, 60) : typeof method });
      return { ok: false, error: apiErrorOf(new DukkanError('api.unknown-method')) };
    }
    const definition = API[method];
    // who may call comes first: a cashier probing a manager method learns nothing about its arguments
    const denied =
      allowed(definition.access, session) ??
      (session.user && !ALLOWED_BEFORE_PIN_CHANGE.has(method) && options.pinChangeRequired(session)
        ? new DukkanError('session.pin-change-required')
        : undefined);
    if (denied) {
      log.info('api.denied', { method, code: denied.code });
      return { ok: false, error: apiErrorOf(denied) };
    }
    const parsed = definition.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.flatMap((issue) => fieldErrorsOf(issue, definition.input));
      log.info('api.invalid-input', { method, fields: fields.map((f) => `${f.path || '(argument)'} ${f.reason}`) });
      const problems = fields.map((f) => ({ path: f.path, code: f.reason, params: f.params }));
      return { ok: false, error: apiErrorOf(new DukkanError('api.invalid-input', { count: fields.length }, { problems })) };
    }
    const handler = options.handlers()[method] as (input: unknown, context: CallContext) => Promise<unknown>;
    try {
      return { ok: true, value: await handler(parsed.data, { session }) };
    } catch (e) {
      if (isDukkanError(e)) {
        log.info('api.refused', { method, code: e.code });
        return { ok: false, error: apiErrorOf(e) };
      }
      log.error('api.internal-error', { method, ...errorFields(e) });
      return { ok: false, error: apiErrorOf(new DukkanError('api.internal')) };
    }
  }
}
