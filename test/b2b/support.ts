// SPDX-License-Identifier: UNLICENSED
// B2B test fixtures: a buyer form, and a simulator validator that refuses clearance for one marked buyer the way
// ZATCA answers a document it will not clear (400, clearanceStatus NOT_CLEARED, an ERROR message) — everything else
// is judged by the simulator's own full verifier.
import type { BuyerForm } from '../../app/contract/b2bTypes';
import type { InvoiceValidator } from '../../main/fatooraSimulator/index';
import { verifyDocument } from '../../main/zatca/verifier';
import { WIZARD_SHOP } from '../fixtures/wizardShop';

/** The shop onboarded for simplified + standard invoices in the B2B tests. */
export const B2B_SHOP = { ...WIZARD_SHOP, sellerName: { ar: 'مواد البناء الحديثة', en: 'Modern Hardware' } };

/** A buyer name the simulator refuses to clear (its XML then carries this text). */
export const REFUSED_BUYER = 'Refused Trading Co';

export const refusingValidator: InvoiceValidator = (xml, { now }) => {
  const report = verifyDocument(xml, { now });
  if (!Buffer.from(xml).toString('utf8').includes(REFUSED_BUYER)) return report;
  return {
    ...report,
    findings: [...report.findings, { rule: 'BR-KSA-42', severity: 'error', message: 'The buyer name is not the one registered for this VAT number' }],
  };
};

export const SAUDI_BUYER: BuyerForm = {
  name: 'شركة البناء الحديث | Modern Building Co',
  vatNumber: '311111111111113',
  idScheme: '',
  idValue: '',
  street: 'طريق الملك فهد',
  additionalStreet: '',
  building: '1234',
  district: 'العليا',
  city: 'الرياض',
  postalCode: '12345',
  country: 'SA',
};

export const FOREIGN_BUYER: BuyerForm = {
  ...SAUDI_BUYER,
  name: 'Gulf Trading LLC',
  vatNumber: '',
  idScheme: 'OTH',
  idValue: 'AE1234',
  building: '',
  district: '',
  postalCode: '',
  city: 'Dubai',
  street: 'Sheikh Zayed Road',
  country: 'AE',
};
