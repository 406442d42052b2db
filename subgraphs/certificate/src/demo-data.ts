import { demoId, demoOrganisationId, type EntityManager } from '@zhicheng/server-kit';
import { DeclarationPoint, Region } from './entities';

/**
 * The demo regions of 补办 / 历史职称数据登记 and their 申报点, audited by identity's demo
 * bureaus (same ids: demoOrganisationId). Production configures its own (docs/operations.md).
 */
export const DEMO_REGIONS = [
  {
    code: '220000',
    name: '吉林省省本级',
    bureau: 'province',
    points: ['吉林省人力资源和社会保障厅职称服务窗口', '吉林省人才开发中心职称申报点'],
  },
  {
    code: '220100',
    name: '长春市本级',
    bureau: 'city',
    points: ['长春市人力资源和社会保障局职称申报点', '长春市政务服务中心人社窗口'],
  },
  { code: '220104', name: '长春市朝阳区', bureau: 'county', points: ['朝阳区政务服务中心人社窗口'] },
] as const;

/** Idempotent: rerunning changes nothing. */
export async function loadDemoData(em: EntityManager): Promise<number> {
  let order = 0;
  for (const seed of DEMO_REGIONS) {
    await em.upsert(Region, {
      code: seed.code,
      name: seed.name,
      auditOrganisationId: demoOrganisationId(seed.bureau),
      sortOrder: order++,
    });
    let pointOrder = 0;
    for (const name of seed.points)
      await em.upsert(DeclarationPoint, {
        id: demoId(`declaration-point:${seed.code}:${name}`),
        regionCode: seed.code,
        name,
        sortOrder: pointOrder++,
      });
  }
  await em.flush();
  return DEMO_REGIONS.length;
}
