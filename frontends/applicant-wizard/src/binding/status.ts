import type { BindingStatus } from '../gql/graphql';

/** Tag colours of the binding statuses (the words come from the server's statusText). */
export const BINDING_STATUS_COLOURS: Record<BindingStatus, string> = {
  PENDING: 'processing',
  APPROVED: 'success',
  REFUSED: 'error',
  ENDED: 'default',
};
