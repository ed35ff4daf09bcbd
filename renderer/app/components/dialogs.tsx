// SPDX-License-Identifier: UNLICENSED
// Modal prompts on the native <dialog> (focus trapped, Esc cancels, Enter confirms), shown for the app store's
// open dialog request (AppStore.prompt / confirm), and the toast in the live region.
import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PromptOptions } from '../state/services';
import { useApp, useI18n } from './hooks';

export function DialogHost() {
  const request = useApp().dialog.value;
  if (!request) return null;
  return request.kind === 'prompt' ? (
    <PromptDialog key={request.id} id={request.id} options={request.options} refused={request.problem ?? ''} checking={request.checking ?? false} />
  ) : (
    <ConfirmDialog key={request.id} id={request.id} text={request.text} />
  );
}

interface PromptProps {
  readonly id: number;
  readonly options: PromptOptions;
  /** Why the prompt's check refused the last value (the dialog stays open). */
  readonly refused: string;
  readonly checking: boolean;
}

function PromptDialog({ id, options, refused, checking }: PromptProps) {
  const app = useApp();
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const value = useSignal(options.value ?? '');
  const problem = useSignal('');
  useLayoutEffect(() => {
    dialog.current?.showModal();
    input.current?.focus();
    input.current?.select();
  }, []);
  useLayoutEffect(() => {
    if (!refused) return;
    value.value = '';
    input.current?.focus();
  }, [refused]);

  const submit = (e: SubmitEvent) => {
    if (options.pattern && !options.pattern.test(value.peek().trim())) {
      e.preventDefault();
      problem.value = '✗';
      input.current?.select();
      return;
    }
    if (options.check) {
      // checked by the app store before the dialog closes; it stays open meanwhile and after a refusal
      e.preventDefault();
      app.closeDialog(id, value.peek().trim());
      return;
    }
    if (dialog.current) dialog.current.returnValue = 'ok';
  };
  const close = () => app.closeDialog(id, dialog.current?.returnValue === 'ok' ? value.peek().trim() : null);

  return (
    <dialog ref={dialog} class="prompt" onClose={close}>
      <form method="dialog" onSubmit={submit}>
        <h2>{options.title}</h2>
        <label>
          {options.label}
          <input
            ref={input}
            // Preact's types tie each input type to the ARIA roles it may take; text and password take the same
            type={(options.type ?? 'text') as 'text'}
            inputMode={options.inputMode ?? 'text'}
            autocomplete="off"
            aria-label={options.label}
            data-test={options.test ?? 'prompt-input'}
            dir="ltr"
            value={value.value}
            onInput={(e) => (value.value = e.currentTarget.value)}
          />
        </label>
        {options.choices ? (
          <div class="prompt-choices touch-row">
            {options.choices.map((choice, i) => (
              <button
                type="button"
                class="touch"
                key={choice}
                data-test={`prompt-choice-${i}`}
                onClick={() => (options.check ? app.closeDialog(id, choice) : ((value.value = choice), dialog.current?.close('ok')))}
              >
                {choice}
              </button>
            ))}
          </div>
        ) : null}
        <p class="error" role="alert" data-test="prompt-problem">
          {refused || problem.value}
        </p>
        <div class="buttons">
          <button type="submit" value="ok" data-test="prompt-ok" disabled={checking}>
            {t('ok')}
          </button>
          <button type="button" value="cancel" onClick={() => dialog.current?.close('cancel')}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ConfirmDialog({ id, text }: { readonly id: number; readonly text: string }) {
  const app = useApp();
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    dialog.current?.showModal();
    yes.current?.focus();
  }, []);
  return (
    <dialog ref={dialog} class="prompt" onClose={() => app.closeDialog(id, dialog.current?.returnValue === 'yes')}>
      <form method="dialog">
        <p>{text}</p>
        <div class="buttons">
          <button ref={yes} type="submit" value="yes" data-test="confirm-yes">
            {t('yes')}
          </button>
          <button type="submit" value="no">
            {t('no')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A short message in the live region (read out by screen readers), kept for a few seconds. */
export function Toast() {
  const toast = useApp().toastState.value;
  return (
    <div id="toast" class={toast.kind ? `toast ${toast.kind}` : 'toast'} role="status" aria-live="assertive" hidden={!toast.visible}>
      {toast.text}
    </div>
  );
}
