// SPDX-License-Identifier: UNLICENSED
// The tasks of test/workers/testWorker.ts, as the pool's type parameter.
export interface TestTasks {
  readonly [task: string]: (input: never) => unknown;
  echo(input: { readonly text: string; readonly n: number }): { input: { text: string; n: number }; threadId: number };
  reverse(input: { readonly bytes: Uint8Array }): { bytes: Uint8Array; receivedLength: number };
  refuse(input: null): never;
  bug(input: null): never;
  exit(input: { readonly code: number }): never;
  throwLater(input: null): Promise<never>;
  spin(input: { readonly ms: number }): number;
  priority(input: null): number;
  backgroundAgain(input: { readonly nice: number }): { lowered: boolean; nice: number };
  zlibLoop(input: null): Promise<never>;
}
