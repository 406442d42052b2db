/**
 * `npm start` runs every subgraph's seed. Certificate has no demo rows: certificates are issued
 * when a demo declaration reaches 终审通过, and the signing key is made on the first start.
 */
export {};
