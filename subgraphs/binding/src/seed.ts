/**
 * `npm start` runs every subgraph's seed. Binding has no demo rows of its own: the units one can
 * bind to arrive as identity's UnitReady events (identity's seed records them for its demo
 * units), and bindings are made by people using the demo. So there is nothing to do here.
 */
export {};
