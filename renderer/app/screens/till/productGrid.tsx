// SPDX-License-Identifier: UNLICENSED
// The quick-key grid: a tab per category, a coloured button per product (bread, bags, loose goods: what has no
// barcode to scan). A tap adds one, as a scan does. The keys and their categories are the manager's (main/till).
import { Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { CashierStore } from '../../state/cashierStore';

export function ProductGrid({ store }: { readonly store: CashierStore }) {
  const { t, locale } = useI18n();
  const extras = store.extras;
  const categories = extras.categories.value;
  const current = extras.category.value ?? categories[0];
  return (
    <section class="product-grid" aria-label={t('quickKeys')} data-test="product-grid">
      {categories.length > 1 ? (
        <div class="categories touch-row" role="tablist">
          {categories.map((c, i) => (
            <button
              key={c}
              type="button"
              role="tab"
              class="touch"
              aria-selected={c === current ? 'true' : 'false'}
              data-test={`category-${i}`}
              onClick={() => (extras.category.value = c)}
            >
              {categoryName(c, locale)}
            </button>
          ))}
        </div>
      ) : null}
      <div class="keys-grid">
        {extras.shownKeys.value.length === 0 ? <p class="muted">{t('noQuickKeys')}</p> : null}
        {extras.shownKeys.value.map((k) => (
          <button key={k.productId} type="button" class={`quick-key colour-${k.colour}`} data-test={`key-${k.productId}`} onClick={() => void store.tapKey(k)}>
            <span class="quick-key-name">{locale === 'ar' && k.nameAr ? k.nameAr : k.name}</span>
            <Num text={k.price} />
          </button>
        ))}
      </div>
    </section>
  );
}

/** "مخبز | Bakery": the half in the screen's language (a category may be written in one language only). */
function categoryName(category: string, locale: 'ar' | 'en'): string {
  const [ar, en] = category.split(' | ');
  return (locale === 'en' ? en : ar) ?? category;
}
