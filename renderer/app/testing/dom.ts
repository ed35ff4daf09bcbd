// SPDX-License-Identifier: UNLICENSED
// What a user does in the light DOM (happy-dom) of the renderer's mounted tests: type into an input, submit its
// form, press a key. Never bundled: nothing the app imports reaches this file.

/** Types `value` into the input `selector` finds under `root`, as the keyboard would (an input event). */
export function type(root: ParentNode, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Submits the form the element `selector` finds under `root` belongs to (Enter in a field). */
export function submit(root: ParentNode, selector: string): void {
  root
    .querySelector(selector)!
    .closest('form')!
    .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

/** A key pressed where the keyboard is. */
export function press(key: string, altKey = false): void {
  (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, altKey, bubbles: true, cancelable: true }));
}
