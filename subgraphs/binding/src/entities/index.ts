import { eventEntities } from '@zhicheng/events';
import { BindableUnit } from './bindable-unit';
import { Binding } from './binding';

export * from './bindable-unit';
export * from './binding';

/** Binding's tables, and the outbox and inbox that carry its events (in binding's own schema). */
export const entities = [Binding, BindableUnit, ...eventEntities];
