/** The PDF writer's options from appeal.yaml: page size and fonts (the workspace's own, or DejaVu). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppealError, type Problem } from '../errors.js';
import type { Workspace } from '../load/workspace.js';
import { defaultFonts, type FontFace, type PdfOptions } from './pdf/index.js';

export function pdfOptions(ws: Workspace, locate: PdfOptions['locate']): PdfOptions {
  const problems: Problem[] = [];
  let fonts: FontFace[] = defaultFonts();
  if (ws.config.pdf.fonts) {
    fonts = ws.config.pdf.fonts.map((f, i) => {
      const face: FontFace = { name: f.name, regular: resolve(ws.root, f.regular) };
      if (f.bold) face.bold = resolve(ws.root, f.bold);
      for (const key of ['regular', 'bold'] as const) {
        const path = face[key];
        if (path && !existsSync(path)) {
          problems.push(
            ws.configSource.problem(
              ['pdf', 'fonts', i, key],
              `there is no font file ${path}: give the path of a TTF or OTF file, relative to the workspace.`,
            ),
          );
        }
      }
      return face;
    });
    // The workspace's fonts come first; DejaVu stays behind them for what they lack.
    fonts.push(...defaultFonts());
  }
  if (problems.length) throw new AppealError(problems);
  return { page: ws.config.pdf.page, fonts, locate };
}
