// SPDX-License-Identifier: UNLICENSED
// The store-server tab (docs/store-server.md, "The till's store-server tab"): joining the shop's store server with
// its address, the one-time code from its manager page and a manager's PIN; then what the till is enrolled as, its
// last successful push, what waits to be sent, the master-data version and the last problem, in the screen's
// language; and removing the enrolment. State: StoreServerStore.
import type { Signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { StoreStatusView } from '../../../../app/contract/storeLinkApi';
import { Field, Form, Num } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';
import { StoreServerStore } from '../../state/storeServerStore';

export function StoreTab() {
  const app = useApp();
  const [store] = useState(() => new StoreServerStore(app));
  useEffect(() => void store.load(), []);
  const status = store.status.value;
  if (status === undefined) return null;
  return status === null ? <EnrolForm store={store} /> : <LinkStatus store={store} status={status} />;
}

function EnrolForm({ store }: { readonly store: StoreServerStore }) {
  const { t } = useI18n();
  return (
    <Form class="store-enrol" data-test="store-enrol" onSubmit={() => void store.enrol()}>
      <p>{t('storeIntro')}</p>
      <LtrField label={t('storeUrl')} test="store-url" placeholder="https://192.168.1.10:8443" value={store.url} />
      <LtrField label={t('storeCode')} test="store-code" placeholder="ABCD-EFGH-JKLM-NPQR" value={store.code} />
      <PinField store={store} which="pin" test="store-pin" />
      <StoreError store={store} />
      <div class="buttons">
        <button class="primary" type="submit" data-test="store-enrol-submit" disabled={store.busy.value}>
          {t('storeEnrol')}
        </button>
      </div>
    </Form>
  );
}

/** An address or a code: typed left to right in both languages, never completed from history. */
function LtrField(props: { readonly label: string; readonly test: string; readonly placeholder: string; readonly value: Signal<string> }) {
  return (
    <Field label={props.label}>
      <input
        type="text"
        dir="ltr"
        autoComplete="off"
        data-test={props.test}
        placeholder={props.placeholder}
        value={props.value.value}
        onInput={(e) => (props.value.value = e.currentTarget.value)}
      />
    </Field>
  );
}

function StoreError({ store }: { readonly store: StoreServerStore }) {
  return store.error.value ? (
    <p class="error" role="alert" data-test="store-error">
      {store.error.value}
    </p>
  ) : null;
}

function PinField({ store, which, test }: { readonly store: StoreServerStore; readonly which: 'pin' | 'removePin'; readonly test: string }) {
  const { t } = useI18n();
  return (
    <Field label={t('storeManagerPin')}>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        data-test={test}
        value={store[which].value}
        onInput={(e) => (store[which].value = e.currentTarget.value)}
      />
    </Field>
  );
}

function LinkStatus({ store, status }: { readonly store: StoreServerStore; readonly status: StoreStatusView }) {
  const { t, dateTime } = useI18n();
  const when = (iso: string | null) => (iso === null ? t('storeNever') : dateTime(iso));
  const problem = store.lastErrorText();
  return (
    <div class="store-link">
      <dl class="facts" data-test="store-status">
        <dt>{t('storeEnrolledAs')}</dt>
        <dd data-test="store-terminal">{t('storeTerminal', { name: status.link.name, branch: status.link.branch })}</dd>
        <dt>{t('storeServer')}</dt>
        <dd>
          <Num text={status.link.url} />
        </dd>
        <dt>{t('storeFingerprint')}</dt>
        <dd data-test="store-fingerprint">{status.link.fingerprint === null ? t('storePlainHttp') : <Num text={status.link.fingerprint} />}</dd>
        <dt>{t('storeTerminalId')}</dt>
        <dd>
          <Num text={status.link.terminalId} />
        </dd>
        <dt>{t('storeEnrolledAt')}</dt>
        <dd>{dateTime(status.link.enrolledAt)}</dd>
        <dt>{t('storeLastPush')}</dt>
        <dd data-test="store-last-push">{when(status.lastPushAt)}</dd>
        <dt>{t('storeBacklog')}</dt>
        <dd data-test="store-backlog">
          <Num text={String(status.backlog)} />
        </dd>
        <dt>{t('storeMasterData')}</dt>
        <dd data-test="store-version">
          <Num text={String(status.masterDataVersion)} />
        </dd>
        <dt>{t('storeLastPull')}</dt>
        <dd>{when(status.lastPullAt)}</dd>
        <dt>{t('storeLastError')}</dt>
        <dd data-test="store-last-error" class={problem ? 'error' : undefined}>
          {problem ?? t('storeNoError')}
        </dd>
      </dl>
      <p>{t('storeManaged')}</p>
      <button type="button" data-test="store-refresh" onClick={() => void store.load()}>
        {t('storeRefresh')}
      </button>
      <Form class="store-remove" data-test="store-remove" onSubmit={() => void store.remove()}>
        <PinField store={store} which="removePin" test="store-remove-pin" />
        <StoreError store={store} />
        <button type="submit" data-test="store-remove-submit" disabled={store.busy.value}>
          {t('storeRemove')}
        </button>
      </Form>
    </div>
  );
}
