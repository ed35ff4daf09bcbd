// SPDX-License-Identifier: UNLICENSED
// Test-side access to the vendored UBL 2.1 XSDs (SDK-3.2.7 Data/Schemas/xsds/UBL2.1/xsd), through the same loader
// the app uses for its bundled copy.
import { INVOICE_XSD_ENTRY, loadXsdFiles as loadFrom } from '../main/zatca/xsdFiles';
import { XSD_DIR } from './vectors';

export const UBL_INVOICE_XSD = INVOICE_XSD_ENTRY;

export function loadXsdFiles(root: string = XSD_DIR): Map<string, Uint8Array> {
  return loadFrom(root);
}
