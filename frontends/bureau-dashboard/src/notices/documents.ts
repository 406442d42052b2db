// 通知管理 and 申报通道: the bureau's API documents.
import { graphql } from '../gql';

export const FormConfigFieldsFragment = graphql(`
  fragment FormConfigFields on FormConfig {
    innovationTextLimit
    educationCertificateNumbers
    modules {
      key
      name
      required
      maxEntries
      filesPerEntry {
        min
        max
        formats
        maxSizeKb
      }
    }
    attachments {
      code
      name
      formats
      maxSizeKb
      maxCount
      required
      module
    }
  }
`);

export const ChannelFieldsFragment = graphql(`
  fragment ChannelFields on Channel {
    code
    name
    group
    groupName
    route
    outcomeAfterRoute
    requiresCommittee
    allowsExceptional
    usesTitleCatalogue
    businessForms
    sortOrder
    retiredAt
    defaultFormConfig {
      ...FormConfigFields
    }
  }
`);

export const NoticeListQuery = graphql(`
  query BureauNotices($status: NoticeStatus, $channelCode: String, $search: String) {
    notices(status: $status, channelCode: $channelCode, search: $search) {
      id
      title
      status
      isOpen
      daysLeft
      opensAt
      closesAt
      publishedAt
      channel {
        code
        name
      }
    }
  }
`);

export const NoticeEditQuery = graphql(`
  query BureauNotice($id: ID!) {
    notice(id: $id) {
      id
      title
      status
      isOpen
      opensAt
      closesAt
      notes
      channel {
        code
        name
      }
      route {
        level
        name
        organisationId
      }
      coverage {
        unitIds
        regionCodes
        seriesCodes
      }
      coverageUnits {
        id
        name
      }
      committees {
        id
        organisationId
        name
        regionCode
        levelCodes
        seriesCodes
        specialtyCodes
      }
      formConfig {
        ...FormConfigFields
      }
      publishProblems {
        field
        code
        message
      }
    }
  }
`);

/** What the notice editor offers: channels, every module, the standard attachment rows, series. */
export const NoticeEditorDataQuery = graphql(`
  query NoticeEditorData($includeRetired: Boolean) {
    channels(includeRetired: $includeRetired) {
      ...ChannelFields
    }
    formModuleCatalogue {
      key
      name
      required
      maxEntries
      filesPerEntry {
        min
        max
        formats
        maxSizeKb
      }
    }
    attachmentSlotCatalogue {
      code
      name
      formats
      maxSizeKb
      maxCount
      required
      module
    }
    titleCatalogue {
      code
      name
    }
  }
`);

export const CreateNoticeMutation = graphql(`
  mutation BureauCreateNotice($input: NoticeInput!) {
    createNotice(input: $input) {
      id
    }
  }
`);

export const UpdateNoticeMutation = graphql(`
  mutation BureauUpdateNotice($id: ID!, $input: NoticeInput!) {
    updateNotice(id: $id, input: $input) {
      id
      status
    }
  }
`);

export const PublishNoticeMutation = graphql(`
  mutation BureauPublishNotice($id: ID!) {
    publishNotice(id: $id) {
      id
      status
    }
  }
`);

export const CopyNoticeMutation = graphql(`
  mutation BureauCopyNotice($id: ID!) {
    copyNotice(id: $id) {
      id
    }
  }
`);

export const CloseNoticeMutation = graphql(`
  mutation BureauCloseNotice($id: ID!) {
    closeNotice(id: $id) {
      id
      closesAt
      isOpen
    }
  }
`);

export const ExtendNoticeMutation = graphql(`
  mutation BureauExtendNotice($id: ID!, $closesAt: DateTimeISO!) {
    extendNotice(id: $id, closesAt: $closesAt) {
      id
      closesAt
      isOpen
    }
  }
`);

export const WithdrawNoticeMutation = graphql(`
  mutation BureauWithdrawNotice($id: ID!) {
    withdrawNotice(id: $id) {
      id
      status
    }
  }
`);

export const CreateChannelMutation = graphql(`
  mutation BureauCreateChannel($code: String!, $input: ChannelInput!) {
    createChannel(code: $code, input: $input) {
      ...ChannelFields
    }
  }
`);

export const UpdateChannelMutation = graphql(`
  mutation BureauUpdateChannel($code: ID!, $input: ChannelInput!) {
    updateChannel(code: $code, input: $input) {
      ...ChannelFields
    }
  }
`);

export const RetireChannelMutation = graphql(`
  mutation BureauRetireChannel($code: ID!) {
    retireChannel(code: $code) {
      code
      retiredAt
    }
  }
`);

export const ReinstateChannelMutation = graphql(`
  mutation BureauReinstateChannel($code: ID!) {
    reinstateChannel(code: $code) {
      code
      retiredAt
    }
  }
`);
