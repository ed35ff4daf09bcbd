// SPDX-License-Identifier: UNLICENSED
// Where the keyboard goes next, as state: a screen's store asks for a field by name, and the screen's component
// moves the focus once the DOM shows the values that came with the request (useFocusRequests), so a select() never
// runs before the new value is in the field.
import { signal, type ReadonlySignal } from '@preact/signals';

export interface FocusRequest<T extends string> {
  readonly target: T;
  /** Select the field's text too, so that typing replaces it. */
  readonly select: boolean;
  readonly seq: number;
}

export class FocusRequests<T extends string> {
  private readonly current = signal<FocusRequest<T> | null>(null);
  private seq = 0;

  get request(): ReadonlySignal<FocusRequest<T> | null> {
    return this.current;
  }

  focus(target: T, select = false): void {
    this.current.value = { target, select, seq: ++this.seq };
  }
}
