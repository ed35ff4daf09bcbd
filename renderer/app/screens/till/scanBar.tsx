// SPDX-License-Identifier: UNLICENSED
// The scan field and the search results under it. A keyboard-wedge scanner types the code and Enter like a person,
// so one field serves both; a tap on a result adds it.
import type { RefObject } from 'preact';
import { Form, Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { CashierStore } from '../../state/cashierStore';

type Store = { readonly store: CashierStore };

export function ScanForm({ store, input }: Store & { readonly input: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n();
  return (
    <Form class="scan" onSubmit={() => void store.scan()}>
      <input
        ref={input}
        type="text"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('scanPlaceholder')}
        aria-label={t('scanPlaceholder')}
        data-test="scan"
        value={store.scanText.value}
        onInput={(e) => (store.scanText.value = e.currentTarget.value)}
      />
    </Form>
  );
}

export function SearchResults({ store }: Store) {
  const results = store.results.value;
  const active = store.activeResult.value;
  return (
    <ul class="results" role="listbox" data-test="results" hidden={results.length === 0}>
      {results.map((p, i) => (
        <li key={p.id} role="option" aria-selected={i === active ? 'true' : 'false'} data-test={`result-${i}`} onClick={() => void store.addProduct(p, '1')}>
          <span>{p.nameAr ? `${p.name} — ${p.nameAr}` : p.name}</span> <Num text={p.price} />
        </li>
      ))}
    </ul>
  );
}
