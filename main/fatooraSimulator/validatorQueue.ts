// SPDX-License-Identifier: UNLICENSED
// The simulator validates one document at a time, with a turn of the event loop before each. In training mode it runs
// in the till's own main process, and a full check (re-hash, signature, QR, business rules, XSD) takes a few
// milliseconds a document: the reporting worker's eight requests in flight, answered back to back, held the main
// thread for 50–200 ms at a time (BENCHMARKS.md, "A long day"). Queued, each check is its own short task, and the
// till's timers and input are served between them.
import type { InvoiceValidator } from './invoiceChecks';

export function oneAtATime(validate: InvoiceValidator): InvoiceValidator {
  let tail: Promise<unknown> = Promise.resolve();
  return (xml, options) => {
    // an immediate queued from the previous check's task runs in the next turn of the loop, after its timers and I/O
    const run = tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => validate(xml, options));
    tail = run.catch(() => undefined);
    return run;
  };
}
