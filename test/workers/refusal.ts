// SPDX-License-Identifier: UNLICENSED
// For the pool tests (workerPool.test.ts, documentCheckPool.test.ts): the DukkanError a job was refused with.
import { expect } from 'vitest';
import { DukkanError } from '../../app/errors/index';

export async function refusal(work: Promise<unknown>): Promise<DukkanError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DukkanError);
  return e as DukkanError;
}
