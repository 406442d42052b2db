// 机构与人员's API documents (identity: organisations and staff of the administrator's subtree).
import { graphql } from '../gql';

export const AdministeredOrganisationsQuery = graphql(`
  query AdministeredOrganisations {
    administeredOrganisations {
      id
      name
      kind
      regionCode
      enabled
      parent {
        id
      }
      committee {
        seriesCode
        levelCodes
        specialtyCodes
        open
      }
    }
  }
`);

export const SeriesCatalogueQuery = graphql(`
  query SeriesCatalogue {
    titleCatalogue {
      code
      name
      children {
        code
        name
      }
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
    }
  }
`);

export const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, input: $input) {
      id
      enabled
      committee {
        open
      }
    }
  }
`);

export const StaffAccountsQuery = graphql(`
  query StaffAccounts($organisationId: ID) {
    staffAccounts(organisationId: $organisationId) {
      id
      username
      name
      roles
      enabled
      mustChangePassword
      lastSignInAt
      organisation {
        id
        name
      }
    }
  }
`);

export const CreateStaffMutation = graphql(`
  mutation CreateStaffAccount($input: CreateStaffInput!) {
    createStaffAccount(input: $input) {
      id
      username
    }
  }
`);

export const SetStaffEnabledMutation = graphql(`
  mutation SetStaffAccountEnabled($id: ID!, $enabled: Boolean!) {
    setStaffAccountEnabled(id: $id, enabled: $enabled) {
      id
      enabled
    }
  }
`);

export const ResetStaffPasswordMutation = graphql(`
  mutation ResetStaffPassword($id: ID!, $temporaryPassword: String!) {
    resetStaffPassword(id: $id, temporaryPassword: $temporaryPassword) {
      id
      mustChangePassword
    }
  }
`);
