// SPDX-License-Identifier: UNLICENSED
// The buyer of a standard tax invoice: name, VAT number (15 digits, 3…3, BR-KSA-44) or another id, and address
// (in Saudi Arabia with building, district and postal code; abroad street, city and country). Main checks the form
// as it is typed with the engine's own rules (main/customers/buyerCheck.ts); each problem is shown under its field,
// naming the field and the rule, in the screen's language, once the cashier has left that field.
import type { FieldProblem } from '../../../../app/errors/index';
import { Form } from '../../components/common';
import { useI18n } from '../../components/hooks';
import { textOf } from '../../state/services';
import { BUYER_FIELDS, type B2bStore, type BuyerField } from '../../state/b2bStore';
import type { Translator } from '../../i18n';
import { CustomerSearch } from './customerSearch';

type T = Translator['t'];

export const FIELD_LABEL: Readonly<Record<BuyerField, (t: T) => string>> = {
  name: (t) => t('b2bBuyerName'),
  vatNumber: (t) => t('b2bVatNumber'),
  idScheme: (t) => t('b2bIdScheme'),
  idValue: (t) => t('b2bIdValue'),
  street: (t) => t('b2bStreet'),
  additionalStreet: (t) => t('b2bAdditionalStreet'),
  building: (t) => t('b2bBuilding'),
  district: (t) => t('b2bDistrict'),
  city: (t) => t('b2bCity'),
  postalCode: (t) => t('b2bPostalCode'),
  country: (t) => t('b2bCountry'),
};

/** Buyer id schemes (BR-KSA-14), as the engine accepts them (app/document/documentInput.ts). */
const ID_SCHEMES = ['CRN', 'TIN', 'NAT', 'IQA', 'GCC', 'PAS', 'MOM', 'MLS', 'SAG', '700', 'OTH'] as const;

/** Typed left to right whatever the screen's language: numbers and codes. */
const LTR: ReadonlySet<BuyerField> = new Set(['vatNumber', 'idValue', 'building', 'postalCode', 'country']);
const NUMERIC: ReadonlySet<BuyerField> = new Set(['vatNumber', 'building', 'postalCode']);

export function B2bBuyerForm({ b2b }: { readonly b2b: B2bStore }) {
  const tr = useI18n();
  const { t } = tr;
  const shown = b2b.shown.value;
  return (
    <Form class="b2b-buyer" data-test="b2b-buyer" onSubmit={() => void b2b.issue()}>
      <CustomerSearch b2b={b2b} />
      <div class="b2b-fields">
        {BUYER_FIELDS.map((field) => (
          <BuyerInput key={field} b2b={b2b} field={field} problems={shown.filter((p) => p.path === field)} tr={tr} />
        ))}
      </div>
      <p class="error" role="alert" data-test="b2b-refusal">
        {b2b.refusal.value}
      </p>
      <div class="touch-row">
        <button type="submit" class="primary touch" data-test="b2b-issue" disabled={b2b.busy.value}>
          {t('b2bIssue')}
        </button>
        <button type="button" class="touch" data-test="b2b-cancel" onClick={() => b2b.cancel()}>
          {t('b2bCancel')}
        </button>
      </div>
    </Form>
  );
}

interface InputProps {
  readonly b2b: B2bStore;
  readonly field: BuyerField;
  readonly problems: readonly FieldProblem[];
  readonly tr: Translator;
}

function BuyerInput({ b2b, field, problems, tr }: InputProps) {
  const label = FIELD_LABEL[field](tr.t);
  const value = b2b.form.value[field];
  const bad = problems.length > 0;
  const common = {
    'data-test': `buyer-${field}`,
    'aria-invalid': bad,
    'aria-label': label,
    onBlur: () => b2b.leave(field),
  };
  return (
    <label class={bad ? 'field b2b-field bad' : 'field b2b-field'}>
      <span>{label}</span>
      {field === 'idScheme' ? (
        <select
          {...common}
          value={value}
          onChange={(e) => {
            b2b.setField(field, e.currentTarget.value);
            b2b.leave(field);
          }}
        >
          <option value="">{tr.t('b2bIdNone')}</option>
          {ID_SCHEMES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="text"
          autocomplete="off"
          inputMode={NUMERIC.has(field) ? 'numeric' : 'text'}
          dir={LTR.has(field) ? 'ltr' : 'auto'}
          value={value}
          onInput={(e) => b2b.setField(field, e.currentTarget.value)}
        />
      )}
      {problems.map((p, i) => (
        <span key={i} class="error field-problem" data-test={`problem-${field}`}>
          {`${label}: ${textOf({ reason: p.code, params: p.params ?? {} }, tr.locale)}`}
        </span>
      ))}
    </label>
  );
}
