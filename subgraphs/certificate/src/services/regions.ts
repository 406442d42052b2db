import type { EntityManager } from '@zhicheng/server-kit';
import { DeclarationPoint, Region } from '../entities';

/** 所属行政区划 with their 申报点, in display order (the options of the 补办 and 登记 forms). */
export async function regionsWithPoints(em: EntityManager) {
  const [regions, points] = await Promise.all([
    em.find(Region, {}, { orderBy: { sortOrder: 'asc', code: 'asc' } }),
    em.find(DeclarationPoint, {}, { orderBy: { sortOrder: 'asc', name: 'asc' } }),
  ]);
  return regions.map((region) => ({
    region,
    points: points.filter((p) => p.regionCode === region.code),
  }));
}
