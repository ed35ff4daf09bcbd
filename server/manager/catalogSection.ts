// SPDX-License-Identifier: UNLICENSED
// The manager page's catalog (docs/store-server.md, "Manager page"): the live products with a search by name,
// barcode or key, and the form that adds, changes or removes one. The form posts to /manager/catalog and
// /manager/catalog/remove with the SameSite=Strict manager cookie; a refusal comes back here with the form as typed
// and the house error in the page's language, each field with its rule (app/errors).
import { errorText, type DukkanError } from '../../app/errors/index';
import { catalogProduct, catalogProducts, formOf, productForm, type ProductForm } from '../catalog';
import type { Queryable } from '../db/storage';
import { esc } from './html';
import type { PageKey, PageLocale } from './managerStrings';

/** Rows shown at most; the page says when more match. */
export const CATALOG_ROWS = 200;

export interface CatalogExtras {
  /** The form as typed, shown again after a refusal. */
  readonly form?: ProductForm;
  readonly refusal?: DukkanError;
  /** What was just saved or removed. */
  readonly done?: { readonly key: string; readonly version: number; readonly removed: boolean };
}

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

function select(name: string, value: string, options: readonly (readonly [string, string])[]): string {
  const chosen = options.some(([v]) => v === value) ? value : options[0]![0];
  return `<select name="${name}">${options.map(([v, label]) => `<option value="${esc(v)}"${v === chosen ? ' selected' : ''}>${esc(label)}</option>`).join('')}</select>`;
}

function refusalHtml(e: DukkanError, locale: PageLocale, t: (k: PageKey) => string): string {
  const problems = e.problems.map((p) => `<li><code>${esc(p.path)}</code>: ${esc(errorText(p.code, p.params ?? {}, locale))}</li>`).join('');
  return `<div class="refused" data-test="catalog-refusal" role="alert"><p>${esc(t('refused'))} ${esc(e.text(locale))}</p>${problems ? `<ul>${problems}</ul>` : ''}</div>`;
}

export async function renderCatalogSection(db: Queryable, url: URL, locale: PageLocale, t: (k: PageKey) => string, extras: CatalogExtras): Promise<string> {
  const search = (url.searchParams.get('product') ?? '').trim().slice(0, 200);
  const found = await catalogProducts(db, search, CATALOG_ROWS + 1);
  const shown = found.slice(0, CATALOG_ROWS);
  const yesNo = (v: unknown) => (v === false ? t('no') : t('yes'));
  const rows = shown.map(({ key, body }) => {
    const edit = new URLSearchParams({ lang: locale, edit: key });
    const cells = [
      key,
      body.name,
      body.nameAr ?? '',
      Array.isArray(body.barcodes) ? body.barcodes.join(' ') : '',
      body.price,
      `${String(body.vatCategory ?? 'S')} ${String(body.vatRate ?? '15')}%${body.exemptionCode ? ` ${String(body.exemptionCode)}` : ''}`,
      yesNo(body.active),
    ];
    return `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}<td><a href="/manager?${esc(edit.toString())}#catalog-form">${esc(t('edit'))}</a></td></tr>`;
  });
  const head = [t('productKey'), t('productName'), t('productNameAr'), t('barcodesShort'), t('price'), t('vatCategory'), t('active'), '']
    .map((h) => `<th>${esc(h)}</th>`)
    .join('');
  const list = rows.length
    ? `<table data-test="catalog"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p class="empty">${esc(t('noProducts'))}</p>`;
  const more = found.length > CATALOG_ROWS ? `<p data-test="catalog-more">${esc(fill(t('catalogMore'), { n: CATALOG_ROWS }))}</p>` : '';

  const editKey = url.searchParams.get('edit');
  const stored = extras.form === undefined && editKey ? await catalogProduct(db, editKey) : null;
  const form = extras.form ?? (stored ? formOf(editKey!, stored) : productForm({}));
  const done = extras.done
    ? `<p class="saved" data-test="catalog-done">${esc(fill(t(extras.done.removed ? 'productRemoved' : 'productSaved'), { key: extras.done.key, version: extras.done.version }))}</p>`
    : '';
  const input = (name: keyof ProductForm, label: PageKey, attrs = '') =>
    `<label>${esc(t(label))} <input name="${name}" value="${esc(form[name])}"${attrs}></label>`;
  const yesNoOptions = [
    ['true', t('yes')],
    ['false', t('no')],
  ] as const;
  const removable = form.key !== '' && (stored !== null || extras.form !== undefined);
  return `<h2 id="catalog">${esc(t('catalog'))}</h2>
<form method="get" action="/manager"><input type="hidden" name="lang" value="${locale}">
<label>${esc(t('catalogSearch'))} <input name="product" value="${esc(search)}"></label><button>${esc(t('find'))}</button></form>${list}${more}
${done}${extras.refusal ? refusalHtml(extras.refusal, locale, t) : ''}
<form method="post" action="/manager/catalog?lang=${locale}" id="catalog-form" data-test="catalog-form">
${input('key', 'productKey', ' required maxlength="80"')} ${input('name', 'productName', ' required maxlength="200"')} ${input('nameAr', 'productNameAr', ' maxlength="200" dir="rtl"')}
${input('barcodes', 'barcodes', ' size="40"')} ${input('price', 'price', ' required inputmode="decimal"')}
<label>${esc(t('priceIncludesVat'))} ${select('priceIncludesVat', form.priceIncludesVat, yesNoOptions)}</label>
<label>${esc(t('vatCategory'))} ${select(
    'vatCategory',
    form.vatCategory,
    ['S', 'Z', 'E', 'O'].map((c) => [c, c] as const),
  )}</label>
<label>${esc(t('vatRate'))} ${select(
    'vatRate',
    form.vatRate,
    ['15', '5', '0'].map((r) => [r, r] as const),
  )}</label>
${input('exemptionCode', 'exemptionCode', ' placeholder="VATEX-SA-29"')}
<label>${esc(t('unit'))} ${select(
    'unit',
    form.unit,
    ['piece', 'kg', 'g', 'l'].map((u) => [u, u] as const),
  )}</label>
<label>${esc(t('active'))} ${select('active', form.active, yesNoOptions)}</label>
<button>${esc(t('saveProduct'))}</button></form>
${removable ? `<form method="post" action="/manager/catalog/remove?lang=${locale}"><input type="hidden" name="key" value="${esc(form.key)}"><button data-test="catalog-remove">${esc(t('removeProduct'))}</button></form>` : ''}`;
}
