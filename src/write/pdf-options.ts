/** The PDF writer's options from appeal.yaml: page size and fonts (the workspace's own, or DejaVu). */
import { resolve } from 'node:path';
import type { Workspace } from '../load/workspace.js';
import { defaultFonts, type FontFace, type PdfOptions } from './pdf/index.js';

/** The fonts and page of appeal.yaml; its font files were checked when the workspace was opened. */
export function pdfOptions(ws: Workspace, locate: PdfOptions['locate']): PdfOptions {
  const own: FontFace[] = (ws.config.pdf.fonts ?? []).map((f) => {
    const face: FontFace = { name: f.name, regular: resolve(ws.root, f.regular) };
    for (const key of ['bold', 'italic', 'boldItalic'] as const) {
      const path = f[key];
      if (path) face[key] = resolve(ws.root, path);
    }
    return face;
  });
  // The workspace's fonts come first; DejaVu stays behind them for what they lack.
  return { page: ws.config.pdf.page, fonts: [...own, ...defaultFonts()], locate };
}
