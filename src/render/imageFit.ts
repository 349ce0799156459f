/** A template's picture keeps its proportions and never leaves the text block: both renderers scale it alike. */
export function fitImage(widthPt: number, heightPt: number, maxWidthPt: number, maxHeightPt: number): { w: number; h: number } {
  const scale = Math.min(1, maxWidthPt / widthPt, maxHeightPt / heightPt);
  return { w: widthPt * scale, h: heightPt * scale };
}
