// SPDX-License-Identifier: UNLICENSED
// One entry point for every call, whatever the transport (Electron IPC or browser-mode HTTP): the method must be in
// the contract, the argument must pass its schema, the client must be signed in with the right role and, if its
// user still has to replace a factory PIN, call nothing but the PIN change — only then does the handler run.
// Failures become an ApiError envelope; nothing a handler throws leaks to the caller as is.
import { ALLOWED_BEFORE_PIN_CHANGE, API, type Access, type MethodOutput, type ParsedInput } from '../../app/contract/api';
import type { ApiError, ApiResult } from '../../app/contract/errors';
import { isMethodName, type MethodName } from '../../app/contract/methodNames';
import { errorFields, type Logger } from '../log/logger';
import type { ClientSession } from '../users/sessions';
import { ApiFailure } from './apiFailure';

export interface CallContext {
  readonly session: ClientSession;
}

export type ApiHandlers = {
  readonly [M in MethodName]: (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** Turns a service's own error type into a readable ApiError; undefined for errors it does not know. */
export type ErrorTranslator = (error: unknown) => ApiError | undefined;

export interface Dispatcher {
  call(method: unknown, input: unknown, session: ClientSession): Promise<ApiResult<unknown>>;
}

function allowed(access: Access, session: ClientSession): ApiError | undefined {
  if (access === 'anyone') return undefined;
  if (!session.user) return { code: 'not-signed-in', message: 'Sign in first.', messageAr: 'سجّل الدخول أولاً.' };
  if (access === 'manager' && session.user.role !== 'manager')
    return { code: 'forbidden', message: 'Only a manager can do this.', messageAr: 'هذه العملية للمدير فقط.' };
  return undefined;
}

export interface DispatcherOptions {
  readonly handlers: () => ApiHandlers;
  readonly translate?: ErrorTranslator;
  /**
   * Whether the session's user must choose a new PIN first (a factory PIN on a live terminal). Such a session may
   * call only ALLOWED_BEFORE_PIN_CHANGE: the renderer is untrusted, so skipping its PIN change screen gains nothing.
   */
  readonly pinChangeRequired: (session: ClientSession) => boolean;
  readonly logger: Logger;
}

const PIN_CHANGE_FIRST: ApiError = {
  code: 'pin-change-required',
  message: 'Choose your own PIN first: a factory PIN cannot be used on a live terminal.',
  messageAr: 'اختر رقمك السري أولاً: لا يمكن استخدام الرقم السري الافتراضي على جهاز في وضع التشغيل الفعلي.',
};

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const log = options.logger.child({ component: 'api' });
  return {
    async call(method, input, session) {
      if (!isMethodName(method)) {
        log.warn('api.unknown-method', { method: typeof method === 'string' ? method.slice(0, 60) : typeof method });
        return { ok: false, error: { code: 'refused', message: 'No such operation.' } };
      }
      const definition = API[method];
      // who may call comes first: a cashier probing a manager method learns nothing about its arguments
      const denied =
        allowed(definition.access, session) ??
        (session.user && !ALLOWED_BEFORE_PIN_CHANGE.has(method) && options.pinChangeRequired(session) ? PIN_CHANGE_FIRST : undefined);
      if (denied) {
        log.info('api.denied', { method, code: denied.code });
        return { ok: false, error: denied };
      }
      const parsed = definition.input.safeParse(input ?? {});
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
        log.info('api.invalid-input', { method, fields: fields.map((f) => f.path || '(argument)') });
        return {
          ok: false,
          error: { code: 'invalid-input', message: fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; '), fields },
        };
      }
      const handler = options.handlers()[method] as (input: unknown, context: CallContext) => Promise<unknown>;
      try {
        return { ok: true, value: await handler(parsed.data, { session }) };
      } catch (e) {
        if (e instanceof ApiFailure) return { ok: false, error: e.toApiError() };
        const translated = options.translate?.(e);
        if (translated) {
          log.info('api.refused', { method, code: translated.code });
          return { ok: false, error: translated };
        }
        log.error('api.internal-error', { method, ...errorFields(e) });
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'Something went wrong; the operation was not completed. Details are in the log.',
            messageAr: 'حدث خطأ ولم تكتمل العملية. التفاصيل في السجل.',
          },
        };
      }
    },
  };
}
