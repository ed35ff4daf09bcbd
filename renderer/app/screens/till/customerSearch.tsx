// SPDX-License-Identifier: UNLICENSED
// Saved customers on the B2B buyer form: typed name or VAT number (main searches, most recently used first), each
// match a touch-sized button that fills the form with that customer's details (main/customers/customerStore.ts).
import { Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { B2bStore } from '../../state/b2bStore';

export function CustomerSearch({ b2b }: { readonly b2b: B2bStore }) {
  const { t } = useI18n();
  const found = b2b.found.value;
  return (
    <div class="customer-search">
      <label class="field">
        <span>{t('b2bSearch')}</span>
        <input type="search" autocomplete="off" data-test="customer-search" value={b2b.query.value} onInput={(e) => void b2b.search(e.currentTarget.value)} />
      </label>
      {found.length === 0 ? (
        b2b.query.value.trim() !== '' ? (
          <p class="muted">{t('b2bNoneFound')}</p>
        ) : null
      ) : (
        <ul class="customer-list" data-test="customer-results">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" class="touch" data-test={`customer-${c.id}`} onClick={() => void b2b.pick(c)}>
                <span>{c.name}</span>
                {c.vatNumber ? <Num text={c.vatNumber} /> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
