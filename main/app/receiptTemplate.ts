// SPDX-License-Identifier: UNLICENSED
// The receipt template (app/receipt/template, the printing design) is pure — a ReceiptModel in, a self-contained HTML
// string out — shared by preview, reprint and printing, which takes it injected as a ReceiptRenderKit
// (main/printing/receiptTemplate.ts). The shells (browser mode, Electron) get it from here and pass it to openApp.
export { renderReceiptHtml as receiptTemplate } from '../../app/receipt/template/renderReceiptHtml';
