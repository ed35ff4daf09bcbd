import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadXsdFiles, INVOICE_XSD_ENTRY } from './xsdFiles';
import { XSD_DIR } from '../../test/vectors';

describe('bundled UBL XSDs', () => {
  it('are byte-identical to the SDK copies in the vectors', () => {
    const files = loadXsdFiles();
    expect(files.has(INVOICE_XSD_ENTRY)).toBe(true);
    expect(files.size).toBe(15);
    for (const [rel, bytes] of files) expect(Buffer.from(bytes).equals(readFileSync(path.join(XSD_DIR, rel))), rel).toBe(true);
  });
});
