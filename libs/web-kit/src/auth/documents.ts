import { graphql } from '../gql';

export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    accountId
    kind
    displayName
    roles
    person {
      id
      name
    }
    unit {
      id
      name
      creditCode
      status
    }
    agent {
      id
      name
    }
    staff {
      id
      username
      name
      organisation {
        id
        name
        kind
      }
    }
  }
`);

export const SessionFields = graphql(`
  fragment SessionFields on Session {
    accessToken
    expiresAt
    viewer {
      ...ViewerFields
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...SessionFields
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...SessionFields
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
