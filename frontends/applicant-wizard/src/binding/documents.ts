// The GraphQL documents of binding (绑定推荐单位): the binding subgraph plus identity's unit search.
import { graphql } from '../gql';

export const BindingFields = graphql(`
  fragment BindingFields on Binding {
    id
    status
    statusText
    requestedAt
    decidedAt
    opinion
    decidedByName
    endedAt
    unit {
      id
      name
      creditCode
    }
  }
`);

export const MyBindingQuery = graphql(`
  query MyBinding {
    me {
      accountId
      person {
        id
        name
        idType
        idNumberMasked
        mobileMasked
      }
    }
    myCurrentBinding {
      ...BindingFields
    }
  }
`);

export const MyBindingsQuery = graphql(`
  query MyBindings {
    myBindings {
      ...BindingFields
    }
  }
`);

export const UnitByCreditCodeQuery = graphql(`
  query UnitByCreditCode($creditCode: String!) {
    unitByCreditCode(creditCode: $creditCode) {
      id
      name
      creditCode
      legalPersonName
      status
      signedInOnce
    }
  }
`);

export const RequestBindingMutation = graphql(`
  mutation RequestBinding($unitId: ID!) {
    requestBinding(unitId: $unitId) {
      ...BindingFields
    }
  }
`);

export const UnbindMutation = graphql(`
  mutation Unbind {
    unbind {
      ...BindingFields
    }
  }
`);

export const CancelBindingRequestMutation = graphql(`
  mutation CancelBindingRequest($id: ID!) {
    cancelBindingRequest(id: $id) {
      ...BindingFields
    }
  }
`);
