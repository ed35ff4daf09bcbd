// SPDX-License-Identifier: UNLICENSED
// Reason codes of document-level charges (BT-105, cbc:AllowanceChargeReasonCode): UNTDID 7161, as SCH-3.4.6's
// BR-KSA-CL-06 lists them. Without a code every charge draws BR-KSA-19 ("accepted with warnings"), so a charge
// always gets one: the code given, else one read from the reason text for the common charges of a shop, else ZZZ
// ("mutually defined"). The list is the validator's (its rule string, split into codes; the rule's "CAPCAQ" is CAP
// and CAQ), held equal to app/rules/codeLists.ts by a test.

export const CHARGE_REASON_CODES: ReadonlySet<string> = new Set(
  `AA AAA AAC AAD AAE AAF AAH AAI AAS AAT AAV AAY AAZ ABA ABB ABC ABD ABF ABK ABL ABN ABR ABS ABT ABU ACF ACG ACH ACI
  ACJ ACK ACL ACM ACS ADC ADE ADJ ADK ADL ADM ADN ADO ADP ADQ ADR ADT ADW ADY ADZ AEA AEB AEC AED AEF AEH AEI AEJ AEK
  AEL AEM AEN AEO AEP AES AET AEU AEV AEW AEX AEY AEZ AJ AU CA CAB CAD CAE CAF CAI CAJ CAK CAL CAM CAN CAO CAP CAQ CAR
  CAS CAT CAU CAV CAW CD CG CS CT DAB DAD DL EG EP ER FAA FAB FAC FC FH FI GAA HAA HD HH IAA AB ID IF IR IS KO L1 LA
  LAA LAB LF MAE MI ML NAA OA PA PAA PC PL RAB RAC RAD RAF RE RF RH RV SA SAA SAD SAE SAI SG SH SM SU TAB AC TT TV V1
  V2 WH XAA YY ZZZ`
    .trim()
    .split(/\s+/),
);

/** The common charges of a shop: the code, what the reason text says when it means it, and a default text. */
const COMMON_CHARGES: readonly { code: string; words: RegExp; text: string }[] = [
  { code: 'AEK', words: /cash\s+on\s+delivery|\bcod\b|الدفع\s+عند\s+الاستلام/i, text: 'الدفع عند الاستلام | Cash on delivery' },
  { code: 'DL', words: /deliver|توصيل/i, text: 'توصيل | Delivery' },
  { code: 'FC', words: /freight|shipping|شحن/i, text: 'شحن | Freight' },
  { code: 'PC', words: /pack|wrap|تغليف/i, text: 'تغليف | Packing' },
  { code: 'IAA', words: /install|تركيب/i, text: 'تركيب | Installation' },
];

/** "Mutually defined": a charge none of the common codes describes. */
export const OTHER_CHARGE_CODE = 'ZZZ';
const OTHER_CHARGE_TEXT = 'رسوم | Charge';

export function isChargeReasonCode(code: string): boolean {
  return CHARGE_REASON_CODES.has(code);
}

/** The code of a charge given only by its reason text: a common charge's code, else ZZZ. */
export function chargeReasonCodeFor(reason: string | undefined): string {
  if (reason === undefined) return OTHER_CHARGE_CODE;
  return COMMON_CHARGES.find((c) => c.words.test(reason))?.code ?? OTHER_CHARGE_CODE;
}

/** The reason text of a charge given only by its code. */
export function chargeReasonTextFor(code: string): string {
  return COMMON_CHARGES.find((c) => c.code === code)?.text ?? OTHER_CHARGE_TEXT;
}
