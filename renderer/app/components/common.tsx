// SPDX-License-Identifier: UNLICENSED
// Small pieces every screen uses. The UI is made of elements and text nodes only (Preact creates them with DOM
// calls): no HTML strings anywhere — the CSP enforces it with Trusted Types and no policy, and lint refuses
// innerHTML and dangerouslySetInnerHTML in renderer/ — so nothing a product name or a ZATCA message contains can
// become markup.
import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';

/** A number or amount kept left-to-right inside Arabic text. */
export function Num({ text, cls = 'num' }: { readonly text: string; readonly cls?: string }) {
  return (
    <span class={cls} dir="ltr">
      {text}
    </span>
  );
}

/** A labelled form field. */
export function Field({ label, children }: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

interface FormProps {
  readonly class?: string;
  readonly 'data-test'?: string;
  /** Enter or the submit button: the page stays, the handler runs. */
  readonly onSubmit: () => void;
  /**
   * The saved values are still on their way: every field and button stays disabled, so nothing typed before they
   * arrive is overwritten by them (or saved over them as empty).
   */
  readonly loading?: boolean;
  readonly children: ComponentChildren;
}

export function Form({ onSubmit, loading, children, ...attrs }: FormProps) {
  return (
    <form
      {...attrs}
      aria-busy={loading === true ? 'true' : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        if (loading !== true) onSubmit();
      }}
    >
      {loading === undefined ? (
        children
      ) : (
        <fieldset class="load-guard" disabled={loading}>
          {children}
        </fieldset>
      )}
    </form>
  );
}

/** A labelled checkbox bound to a signal. */
export function Check({
  label,
  value,
  test,
  name,
}: {
  readonly label: string;
  readonly value: Signal<boolean>;
  readonly test?: string;
  readonly name?: string;
}) {
  return (
    <label class="check">
      <input type="checkbox" name={name} data-test={test} checked={value.value} onChange={(e) => (value.value = e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** The end of an edit form: why the last save was refused, and the save button. */
export function SaveFooter({ error, test, label }: { readonly error: string; readonly test: string; readonly label: string }) {
  return (
    <>
      <p class="error" role="alert">
        {error}
      </p>
      <button class="primary" type="submit" data-test={test}>
        {label}
      </button>
    </>
  );
}
