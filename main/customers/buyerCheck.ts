// SPDX-License-Identifier: UNLICENSED
// The buyer of a standard tax invoice as the till's form gives it (one flat field per input), checked by the engine's
// own document rules (app/document): name (BR-KSA-42), VAT number 15 digits 3…3 (BR-KSA-44) or another id
// (BR-KSA-14, BR-KSA-81), address with street and city (BR-KSA-10), and for a buyer in Saudi Arabia building,
// district and a 5-digit postal code (BR-KSA-63, BR-KSA-67). The same checks, codes and texts as a document JSON,
// so the till says exactly what the ledger would refuse — before anything is signed.
import type { BuyerForm } from '../../app/contract/b2bTypes';
import { parseDocumentInput, type DocumentInputJson } from '../../app/document/documentInput';
import { DukkanError, type FieldProblem } from '../../app/errors/index';

export type Buyer = NonNullable<DocumentInputJson['buyer']>;

/** A seller and a line every rule accepts, so that only the buyer's problems remain. */
const PROBE: Omit<DocumentInputJson, 'buyer'> = {
  kind: 'invoice',
  profile: 'standard',
  number: 'CHECK-1',
  uuid: '00000000-0000-4000-8000-000000000000',
  issueDate: '2026-01-01',
  issueTime: '00:00:00',
  seller: {
    name: 'Probe',
    vatNumber: '399999999900003',
    id: { scheme: 'CRN', value: '1010010000' },
    address: { street: 'Street', building: '1234', district: 'District', city: 'City', postalCode: '12345', country: 'SA' },
  },
  lines: [{ name: 'Item', quantity: '1', unitPrice: '1.00', vat: { category: 'S', rate: '15' } }],
};

/** Document path of the buyer → the form's field, so each problem is shown at its own input. */
const FORM_FIELD: Readonly<Record<string, keyof BuyerForm>> = {
  buyer: 'name',
  'buyer.name': 'name',
  'buyer.vatNumber': 'vatNumber',
  'buyer.id': 'idValue',
  'buyer.id.scheme': 'idScheme',
  'buyer.id.value': 'idValue',
  'buyer.address': 'street',
  'buyer.address.street': 'street',
  'buyer.address.additionalStreet': 'additionalStreet',
  'buyer.address.building': 'building',
  'buyer.address.district': 'district',
  'buyer.address.city': 'city',
  'buyer.address.postalCode': 'postalCode',
  'buyer.address.country': 'country',
};

const present = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

/** The document's buyer from the form: empty inputs are left out; the country is upper-cased, SA by default. */
export function buyerOf(form: BuyerForm): Buyer {
  const a = {
    street: present(form.street),
    additionalStreet: present(form.additionalStreet),
    building: present(form.building),
    district: present(form.district),
    city: present(form.city),
    postalCode: present(form.postalCode),
    country: present(form.country)?.toUpperCase() ?? 'SA',
  };
  const scheme = present(form.idScheme);
  const value = present(form.idValue);
  const vatNumber = present(form.vatNumber);
  const name = present(form.name);
  return JSON.parse(JSON.stringify({ name, vatNumber, id: scheme || value ? { scheme: scheme ?? '', value: value ?? '' } : undefined, address: a })) as Buyer;
}

/** The form of a saved buyer, for the till to show and edit. */
export function formOf(buyer: Buyer): BuyerForm {
  const a = buyer.address ?? {};
  return {
    name: buyer.name ?? '',
    vatNumber: buyer.vatNumber ?? '',
    idScheme: buyer.id?.scheme ?? '',
    idValue: buyer.id?.value ?? '',
    street: a.street ?? '',
    additionalStreet: a.additionalStreet ?? '',
    building: a.building ?? '',
    district: a.district ?? '',
    city: a.city ?? '',
    postalCode: a.postalCode ?? '',
    country: a.country ?? 'SA',
  };
}

/** Every problem of the buyer for a standard invoice, by form field (empty when it may be used). */
export function buyerProblems(form: BuyerForm): FieldProblem[] {
  try {
    parseDocumentInput({ ...PROBE, buyer: buyerOf(form) });
    return [];
  } catch (e) {
    if (!(e instanceof DukkanError)) throw e;
    return e.problems.map((p) => {
      const field = FORM_FIELD[p.path];
      // the probe's own fields are valid: anything outside the buyer is a bug of this module, not the cashier's
      if (!field) throw new Error(`buyer check: unexpected problem outside the buyer at ${p.path} (${p.code})`);
      return { path: field, code: p.code, ...(p.params ? { params: p.params } : {}) };
    });
  }
}

/** The buyer, or a refusal listing every problem by field (nothing is signed or saved). */
export function requireBuyer(form: BuyerForm): Buyer {
  const problems = buyerProblems(form);
  if (problems.length > 0) throw new DukkanError('b2b.buyer-invalid', { count: problems.length }, { problems });
  return buyerOf(form);
}
