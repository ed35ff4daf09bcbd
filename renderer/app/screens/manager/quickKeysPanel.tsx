// SPDX-License-Identifier: UNLICENSED
// The till's quick keys, on the catalog tab (state/quickKeysStore.ts): add a product as a key with its category and
// colour, move it earlier or later, change or remove it, then save — the till shows the grid from the next tap on.
import { useEffect, useState } from 'preact/hooks';
import { QUICK_KEY_COLOURS, type QuickKeyColour } from '../../../../app/contract/tillTypes';
import type { Product } from '../../../../app/contract/types';
import { Field, Form } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';
import type { Label } from '../../labels';
import { QuickKeysStore } from '../../state/quickKeysStore';

export function QuickKeysPanel({ products }: { readonly products: readonly Product[] | undefined }) {
  const app = useApp();
  const { t, locale } = useI18n();
  const [store] = useState(() => new QuickKeysStore(app));
  useEffect(() => void store.load(), [store]);
  useEffect(() => store.setProducts(products ?? []), [store, products]);
  const names = store.names.value;
  const nameOf = (id: number) => {
    const p = names.get(id);
    return p ? (locale === 'ar' && p.nameAr ? p.nameAr : p.name) : `#${id}`;
  };
  const keys = store.keys.value;
  return (
    <section class="quick-keys-admin" data-test="quick-keys-admin">
      <h3>{t('quickKeysTitle')}</h3>
      <table>
        <tbody data-test="quick-key-rows">
          {keys.map((k, i) => (
            <tr key={`${k.productId}-${i}`} data-test={`qk-${i}`}>
              <td>{nameOf(k.productId)}</td>
              <td>
                <input
                  aria-label={t('quickKeyCategory')}
                  data-test={`qk-category-${i}`}
                  value={k.category}
                  onInput={(e) => store.edit(i, { category: e.currentTarget.value })}
                />
              </td>
              <td>
                <ColourSelect value={k.colour} test={`qk-colour-${i}`} onChange={(colour) => store.edit(i, { colour })} />
              </td>
              <td class="touch-row">
                <button type="button" class="touch" data-test={`qk-up-${i}`} aria-label={t('moveEarlier')} disabled={i === 0} onClick={() => store.move(i, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  class="touch"
                  data-test={`qk-down-${i}`}
                  aria-label={t('moveLater')}
                  disabled={i === keys.length - 1}
                  onClick={() => store.move(i, 1)}
                >
                  ↓
                </button>
                <button type="button" class="touch danger" data-test={`qk-remove-${i}`} onClick={() => store.remove(i)}>
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form onSubmit={() => store.add()}>
        <div class="grid">
          <Field label={t('quickKeyProduct')}>
            <select data-test="qk-new-product" value={store.newProduct.value} onChange={(e) => (store.newProduct.value = e.currentTarget.value)}>
              <option value="">—</option>
              {store.products.value.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {nameOf(p.id)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('quickKeyCategory')}>
            <input data-test="qk-new-category" value={store.newCategory.value} onInput={(e) => (store.newCategory.value = e.currentTarget.value)} />
          </Field>
          <Field label={t('quickKeyColour')}>
            <ColourSelect value={store.newColour.value} test="qk-new-colour" onChange={(c) => (store.newColour.value = c)} />
          </Field>
        </div>
        <button type="submit" class="touch" data-test="qk-add" disabled={!store.newProduct.value}>
          {t('quickKeyAdd')}
        </button>
      </Form>
      <button type="button" class="touch" data-test="qk-save" disabled={!store.dirty.value} onClick={() => void store.save()}>
        {t('save')}
      </button>
    </section>
  );
}

function ColourSelect({ value, test, onChange }: { readonly value: QuickKeyColour; readonly test: string; readonly onChange: (c: QuickKeyColour) => void }) {
  const { t } = useI18n();
  return (
    <select aria-label={t('quickKeyColour')} data-test={test} value={value} onChange={(e) => onChange(e.currentTarget.value as QuickKeyColour)}>
      {QUICK_KEY_COLOURS.map((c) => (
        <option key={c} value={c}>
          {COLOUR_NAME[c](t)}
        </option>
      ))}
    </select>
  );
}

const COLOUR_NAME: Readonly<Record<QuickKeyColour, Label>> = {
  green: (t) => t('colourGreen'),
  blue: (t) => t('colourBlue'),
  amber: (t) => t('colourAmber'),
  red: (t) => t('colourRed'),
  purple: (t) => t('colourPurple'),
  teal: (t) => t('colourTeal'),
  grey: (t) => t('colourGrey'),
};
