/** Page geometry in points, from the style sheet's millimetres. */
import { MM_TO_PT, type StyleSheet } from '../../document/styles.js';

export interface PageGeometry {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  textWidth: number;
  textHeight: number;
}

export function pageGeometry(sheet: StyleSheet): PageGeometry {
  const p = sheet.page;
  const g = {
    width: p.widthMm * MM_TO_PT,
    height: p.heightMm * MM_TO_PT,
    marginTop: p.marginTopMm * MM_TO_PT,
    marginBottom: p.marginBottomMm * MM_TO_PT,
    marginLeft: p.marginLeftMm * MM_TO_PT,
    marginRight: p.marginRightMm * MM_TO_PT,
  };
  return { ...g, textWidth: g.width - g.marginLeft - g.marginRight, textHeight: g.height - g.marginTop - g.marginBottom };
}
