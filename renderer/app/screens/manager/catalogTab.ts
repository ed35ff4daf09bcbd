// SPDX-License-Identifier: UNLICENSED
// Products: list, add/edit (prices with or without VAT, VAT category and rate, exemption code, barcodes), CSV import.
import type { Product } from '../../../../app/contract/types';
import type { AppContext } from '../../app';
import { h, mount, num } from '../../dom';
import { t } from '../../i18n';
import { attempt, errorText, field, toast } from '../../ui';
import type { Tab } from '../manager';

export function catalogTab(ctx: AppContext): Tab {
  const api = ctx.api;
  const body = h('tbody', { attrs: { 'data-test': 'catalog' } });
  const form = h('form', { class: 'product-form' });
  const csvText = h('textarea', {
    attrs: {
      rows: 4,
      'aria-label': t('importCsv'),
      'data-test': 'csv-text',
      dir: 'ltr',
      placeholder: 'name,name_ar,barcode,price,price_includes_vat,vat_category,vat_rate',
    },
  });
  const csvFile = h('input', { attrs: { type: 'file', accept: '.csv,text/csv', 'aria-label': t('importCsv'), 'data-test': 'csv-file' } });
  const csvResult = h('div', { attrs: { role: 'status', 'data-test': 'csv-result' } });

  async function load(): Promise<void> {
    const products = await attempt(() => api['catalog.list']({}));
    if (!products) return;
    mount(
      body,
      products.map((p) =>
        h(
          'tr',
          { class: p.active ? '' : 'inactive' },
          h('td', {}, p.name, p.nameAr ? h('div', { class: 'muted', attrs: { lang: 'ar' } }, p.nameAr) : null),
          h('td', {}, num(p.barcodes.join(' '))),
          h('td', {}, num(p.price), ' ', p.priceIncludesVat ? t('priceInclVat') : ''),
          h('td', {}, num(`${p.vatCategory} ${p.vatRate}%`), p.exemptionCode ? [' ', num(p.exemptionCode)] : null),
          h('td', {}, h('button', { attrs: { type: 'button' }, on: { click: () => edit(p) } }, t('edit'))),
        ),
      ),
    );
  }

  function edit(p: Product | null): void {
    const name = h('input', { attrs: { type: 'text', 'data-test': 'p-name' }, value: p?.name ?? '' });
    const nameAr = h('input', { attrs: { type: 'text', lang: 'ar', dir: 'rtl', 'data-test': 'p-name-ar' }, value: p?.nameAr ?? '' });
    const barcodes = h('input', { attrs: { type: 'text', dir: 'ltr', 'data-test': 'p-barcodes' }, value: p?.barcodes.join(' ') ?? '' });
    const price = h('input', { attrs: { type: 'text', inputmode: 'decimal', dir: 'ltr', 'data-test': 'p-price' }, value: p?.price ?? '' });
    const incl = h('input', { attrs: { type: 'checkbox', 'data-test': 'p-incl' }, checked: p?.priceIncludesVat ?? true });
    const category = h(
      'select',
      { attrs: { 'data-test': 'p-category' } },
      ['S', 'Z', 'E', 'O'].map((c) => h('option', { attrs: { value: c, selected: (p?.vatCategory ?? 'S') === c } }, c)),
    );
    const rate = h(
      'select',
      { attrs: { 'data-test': 'p-rate' } },
      ['15', '5', '0'].map((r) => h('option', { attrs: { value: r, selected: (p?.vatRate ?? '15') === r } }, `${r}%`)),
    );
    const exemption = h('input', {
      attrs: { type: 'text', dir: 'ltr', placeholder: 'VATEX-SA-29', 'data-test': 'p-exemption' },
      value: p?.exemptionCode ?? '',
    });
    const active = h('input', { attrs: { type: 'checkbox' }, checked: p?.active ?? true });
    const error = h('p', { class: 'error', attrs: { role: 'alert' } });
    const save = async (e: Event) => {
      e.preventDefault();
      try {
        await api['catalog.save']({
          ...(p ? { id: p.id } : {}),
          name: name.value,
          ...(nameAr.value.trim() ? { nameAr: nameAr.value } : {}),
          barcodes: barcodes.value.split(/\s+/).filter((b) => b.length > 0),
          price: price.value,
          priceIncludesVat: incl.checked,
          vatCategory: category.value as 'S',
          vatRate: rate.value as '15',
          ...(exemption.value.trim() ? { exemptionCode: exemption.value.trim() } : {}),
          active: active.checked,
        });
        toast(t('saved'), 'ok');
        mount(form);
        void load();
      } catch (err) {
        error.textContent = errorText(err);
      }
    };
    mount(
      form,
      h('h3', {}, p ? p.name : t('newProduct')),
      h(
        'div',
        { class: 'grid' },
        field('name', name),
        field('nameAr', nameAr),
        field('barcodes', barcodes),
        field('price', price),
        field('vatCategory', category),
        field('vatRate', rate),
        field('exemptionCode', exemption),
      ),
      h('label', { class: 'check' }, incl, t('priceInclVat')),
      h('label', { class: 'check' }, active, t('active')),
      error,
      h('button', { class: 'primary', attrs: { type: 'submit', 'data-test': 'p-save' } }, t('save')),
    );
    form.onsubmit = save;
    name.focus();
  }

  async function importCsv(text: string): Promise<void> {
    const result = await attempt(() => api['catalog.importCsv']({ csv: text }));
    if (!result) return;
    if (result.errors.length > 0) {
      mount(
        csvResult,
        h('p', { class: 'error' }, t('csvErrors')),
        h(
          'ul',
          { class: 'error' },
          result.errors.map((e) => h('li', {}, `${e.line}: ${e.message}`)),
        ),
      );
      return;
    }
    mount(csvResult, h('p', { class: 'ok' }, t('csvResult', { c: result.created, u: result.updated })));
    void load();
  }

  csvFile.addEventListener('change', () => {
    const file = csvFile.files?.[0];
    if (file) void file.text().then(importCsv);
  });

  void load();
  return {
    el: h(
      'div',
      { class: 'catalog' },
      h('button', { attrs: { type: 'button', 'data-test': 'new-product' }, on: { click: () => edit(null) } }, t('newProduct')),
      form,
      h(
        'table',
        { class: 'products' },
        h('thead', {}, h('tr', {}, h('th', {}, t('name')), h('th', {}, t('barcodes')), h('th', {}, t('price')), h('th', {}, t('vat')), h('th', {}, ''))),
        body,
      ),
      h(
        'section',
        { class: 'csv' },
        h('h3', {}, t('importCsv')),
        h('p', { class: 'muted' }, t('csvHelp')),
        csvFile,
        csvText,
        h('button', { attrs: { type: 'button', 'data-test': 'csv-import' }, on: { click: () => void importCsv(csvText.value) } }, t('importCsv')),
        csvResult,
      ),
    ),
  };
}
