// The GraphQL documents of notices and declarations (the declaration subgraph).
import { graphql } from '../gql';

export const DeclarationRowFields = graphql(`
  fragment DeclarationRowFields on Declaration {
    id
    status
    statusText
    category
    categoryText
    unitName
    createdAt
    updatedAt
    submittedAt
    notice {
      id
      title
      closesAt
      isOpen
      channel {
        code
        name
      }
    }
    title {
      seriesName
      specialtyName
      scopeName
      titleName
      levelName
    }
  }
`);

export const MyDeclarationsQuery = graphql(`
  query MyDeclarations {
    myDeclarations {
      ...DeclarationRowFields
    }
  }
`);

export const CancelDeclarationMutation = graphql(`
  mutation CancelDeclaration($id: ID!) {
    cancelDeclaration(id: $id) {
      ...DeclarationRowFields
    }
  }
`);

export const DeleteDeclarationMutation = graphql(`
  mutation DeleteDeclaration($id: ID!) {
    deleteDeclaration(id: $id)
  }
`);

export const NoticeSummaryFields = graphql(`
  fragment NoticeSummaryFields on Notice {
    id
    title
    opensAt
    closesAt
    daysLeft
    isOpen
    channel {
      code
      name
      group
      groupName
      allowsExceptional
      requiresCommittee
      usesTitleCatalogue
    }
  }
`);

export const ChannelsQuery = graphql(`
  query Channels {
    channels {
      code
      name
      group
      groupName
    }
  }
`);

export const NoticesQuery = graphql(`
  query Notices($channelCode: String, $openOnly: Boolean) {
    notices(channelCode: $channelCode, openOnly: $openOnly) {
      ...NoticeSummaryFields
    }
  }
`);

export const NoticeQuery = graphql(`
  query Notice($id: ID!) {
    notice(id: $id) {
      ...NoticeSummaryFields
      notes
      route {
        level
        name
      }
      formConfig {
        modules {
          key
          name
          nameEn
          required
        }
      }
    }
  }
`);

export const CatalogueQuery = graphql(`
  query TitleCatalogue {
    titleCatalogue {
      code
      name
      level
      children {
        code
        name
        level
        children {
          code
          name
          level
          children {
            code
            name
            level
            children {
              code
              name
              level
            }
          }
        }
      }
    }
  }
`);

export const CommitteesQuery = graphql(`
  query Committees($noticeId: ID!, $regionCode: String!, $levelCode: String!, $specialtyCode: String!) {
    committees(
      noticeId: $noticeId
      regionCode: $regionCode
      levelCode: $levelCode
      specialtyCode: $specialtyCode
    ) {
      id
      name
      regionCode
    }
  }
`);

export const StartDeclarationMutation = graphql(`
  mutation StartDeclaration($noticeId: ID!, $category: DeclarationCategory!, $committeeId: ID) {
    startDeclaration(noticeId: $noticeId, category: $category, committeeId: $committeeId) {
      ...DeclarationRowFields
    }
  }
`);

/** 进度跟踪 / 流程推送: where review has it, the route's nodes and every step so far (from review). */
export const ReviewTrackFields = graphql(`
  fragment ReviewTrackFields on Declaration {
    id
    status
    statusText
    statusChangedAt
    reviewPosition {
      level
      levelText
      organisationName
      since
      deferred
    }
    reviewProgress {
      level
      levelText
      organisationId
      name
      node
    }
    timeline {
      id
      sequence
      at
      step
      stepText
      level
      levelText
      organisationName
      actorName
      opinion
      modules
      moduleNames
      returnTargetText
      statusAfter
      statusText
    }
  }
`);

/** Everything the wizard shows of one declaration; every mutation answers it, so the cache stays whole. */
export const WizardFields = graphql(`
  fragment WizardFields on Declaration {
    id
    status
    statusText
    version
    accountHolder {
      name
      idType
      idNumber
      mobile
      unitName
    }
    category
    categoryText
    applicantName
    unitName
    returnOpinion
    returnedModules
    returnedAt
    returnedBy {
      level
      levelText
      organisationName
    }
    caseNumber
    createdAt
    updatedAt
    submittedAt
    pledgedAt
    daysLeft
    editableModules
    ...ReviewTrackFields
    notice {
      id
      title
      opensAt
      closesAt
      daysLeft
      isOpen
      channel {
        code
        name
        groupName
        usesTitleCatalogue
        allowsExceptional
      }
      route {
        level
        name
      }
      formConfig {
        innovationTextLimit
        educationCertificateNumbers
        modules {
          key
          name
          nameEn
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
          nameEn
          formats
          maxSizeKb
          maxCount
          required
          module
        }
      }
    }
    title {
      seriesName
      specialtyName
      scopeName
      titleName
      levelName
    }
    modules {
      basicInfo {
        name
        formerName
        gender
        ethnicity
        politicalStatus
        idType
        idNumber
        mobile
        birthDate
        educationLevel
        workStartDate
        personnelType
        workUnitName
        unitType
        workNature
        currentTitleName
        currentTitleDate
        appointmentDate
        practiceQualificationName
        practiceQualificationDate
        seriesCode
        specialtyCode
        scopeCode
        titleCode
        levelCode
        practisedSpecialtyCode
        yearsInSpecialty
        exceptionalKind
      }
      talentBasicInfo {
        name
        gender
        idType
        idNumber
        mobile
        birthDate
        educationLevel
        workUnitName
        post
        source
        introducedFrom
        serviceType
        previousCategoryCode
        previousRecognitionDate
        longTermContract
        contractStartDate
        standardCode
        levelCode
      }
      recommenders {
        id
        name
        idType
        idNumber
        workUnit
        title
        practisedSpecialty
        mobile
        reason
      }
      education {
        id
        school
        major
        educationLevel
        degree
        studyMode
        startDate
        endDate
        diplomaNumber
        degreeNumber
        source
      }
      continuingEducation {
        id
        studyMode
        content
        organiser
        startDate
        endDate
        hours
      }
      papers {
        id
        kind
        title
        publication
        publishedDate
        authorRole
        serialNumber
      }
      workExperience {
        id
        unit
        post
        startDate
        endDate
        duties
      }
      partTimePosts {
        id
        organisation
        supervisingDepartment
        post
        startDate
        endDate
      }
      enterpriseResults {
        id
        year
        enterpriseName
        enterpriseScale
        position
        specialisedAndNew
        description
      }
      innovation
      honours {
        id
        name
        grantedBy
        grantedDate
        rank
      }
      awards {
        id
        name
        grade
        personalRank
        grantedBy
        grantedDate
      }
      annualAssessments {
        id
        year
        result
      }
      workSummary
      otherMaterials {
        id
        name
      }
    }
    attachments {
      id
      fileName
      format
      sizeBytes
      uploadedAt
      downloadUrl
      slot {
        kind
        code
        module
        entryId
      }
    }
    validation {
      ok
      problems {
        module
        code
        message
        field
        params {
          name
          value
        }
      }
    }
    businessForms {
      kind
      name
      url
    }
  }
`);

export const DeclarationQuery = graphql(`
  query Declaration($id: ID!) {
    declaration(id: $id) {
      ...WizardFields
    }
  }
`);

export const SaveDeclarationMutation = graphql(`
  mutation SaveDeclaration($id: ID!, $expectedVersion: Int!, $input: DeclarationModulesInput!) {
    saveDeclaration(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...WizardFields
    }
  }
`);

export const RequestUploadMutation = graphql(`
  mutation RequestUpload(
    $declarationId: ID!
    $slot: AttachmentSlotInput!
    $fileName: String!
    $sizeBytes: Int!
    $contentType: String!
  ) {
    requestUpload(
      declarationId: $declarationId
      slot: $slot
      fileName: $fileName
      sizeBytes: $sizeBytes
      contentType: $contentType
    ) {
      url
      expiresAt
    }
  }
`);

export const RemoveAttachmentMutation = graphql(`
  mutation RemoveAttachment($id: ID!) {
    removeAttachment(id: $id) {
      ...WizardFields
    }
  }
`);

export const SubmitDeclarationMutation = graphql(`
  mutation SubmitDeclaration($id: ID!, $expectedVersion: Int!) {
    submitDeclaration(id: $id, expectedVersion: $expectedVersion, pledge: true) {
      ...WizardFields
    }
  }
`);

/** The declaration's status as reviewers act (live); the page refetches the rest. */
export const DeclarationStatusSubscription = graphql(`
  subscription DeclarationStatusChanged($id: ID!) {
    declarationStatusChanged(id: $id) {
      declarationId
      status
      statusText
      at
    }
  }
`);

/** The declaration's timeline as reviewers act (live); the page refetches the declaration. */
export const DeclarationTimelineSubscription = graphql(`
  subscription DeclarationTimelineChanged($id: ID!) {
    declarationTimelineChanged(id: $id) {
      declarationId
      status
      statusText
      resync
      at
    }
  }
`);

/** One declaration's status and timeline, for a row of 我的办件 / 首页 (refetched on live notices). */
export const DeclarationTrackQuery = graphql(`
  query DeclarationTrack($id: ID!) {
    declaration(id: $id) {
      ...ReviewTrackFields
    }
  }
`);
