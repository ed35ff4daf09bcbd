// SPDX-License-Identifier: UNLICENSED
// The one place main reaches into the renderer folder. The receipt template (renderer/receipt, the printing design)
// is a pure function — a ReceiptModel in, a self-contained HTML string out, no DOM — shared by the screen's preview
// and main's printing, which takes it injected as a ReceiptRenderKit (main/printing/receiptTemplate.ts). The shells
// (browser mode, Electron) get it from here and pass it to openApp.
// eslint-disable-next-line dukkan/layering -- pure shared template (see above); a `shared` lint zone would remove this exception
export { renderReceiptHtml as receiptTemplate } from '../../renderer/receipt/renderReceiptHtml';
