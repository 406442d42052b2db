/**
 * `npm start` runs every subgraph's seed. Review has no demo rows: the common opinions (常用意见)
 * are data in src/domain/opinions.ts, cases open when declarations are submitted, and reviewers'
 * own opinions are saved by people using the demo. So there is nothing to load.
 */
console.log('review: nothing to seed (common opinions are built in)');
