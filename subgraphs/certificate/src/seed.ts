import 'reflect-metadata';
import { loadDemoData } from './demo-data';
import { createCertificateOrm } from './orm';

/**
 * `npm start` runs every subgraph's seed. Certificates themselves are issued when a demo
 * declaration reaches 终审通过 (the signing key is made on the first start); the seed adds the
 * demo regions and 申报点 of 补办 and 历史职称数据登记 (idempotent).
 */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const orm = await createCertificateOrm(url, 2);
  try {
    const regions = await loadDemoData(orm.em.fork());
    console.log(`certificate: ${regions} demo regions with their 申报点 ready`);
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
