// SPDX-License-Identifier: UNLICENSED
export {
  ALLOWED_BEFORE_PIN_CHANGE,
  API,
  type Access,
  type DukkanBridge,
  type ApiDefinitions,
  type DukkanApi,
  type MethodDefinition,
  type MethodInput,
  type MethodOutput,
  type ParsedInput,
} from './api';
export { BRIDGE_GLOBAL, CHANNEL_PREFIX, EVENT_CHANNEL, METHOD_NAMES, isMethodName, type MethodName } from './methodNames';
export type { ApiError, ApiErrorCode, ApiFieldError, ApiResult, ErrorText } from './errors';
export type { AppEvent, AppEventType } from './events';
export type * from './types';
export type * from './tillTypes';
export type * from './catalogTypes';
export type * from './shiftTypes';
