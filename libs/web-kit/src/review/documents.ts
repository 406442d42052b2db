// The review API documents shared by unit-audit and bureau-dashboard (through the web kit).
import { graphql } from '../gql';

export const ReviewCountsQuery = graphql(`
  query ReviewCounts {
    reviewCounts {
      noticeId
      channelCode
      pending
      awaitingForward
      deferred
      notice {
        id
        title
      }
    }
  }
`);

export const ReviewQueueQuery = graphql(`
  query ReviewQueue(
    $state: ReviewQueueState!
    $filter: ReviewQueueFilter
    $first: Int
    $after: String
    $offset: Int
  ) {
    reviewQueue(state: $state, filter: $filter, first: $first, after: $after, offset: $offset) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          declarationId
          applicantName
          applicant {
            id
            idNumberMasked
          }
          titleName
          levelName
          unitName
          seriesName
          specialtyName
          noticeId
          notice {
            id
            title
          }
          submittedAt
          updatedAt
          status
          statusText
          currentTask {
            sequence
            state
            stateText
            levelText
            organisationName
          }
        }
      }
    }
  }
`);

export const ReviewQueueChangedSubscription = graphql(`
  subscription ReviewQueueChanged {
    reviewQueueChanged {
      organisationId
      declarationId
      change
      at
    }
  }
`);

export const DeclarationTimelineChangedSubscription = graphql(`
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

export const ReviewCaseQuery = graphql(`
  query ReviewCase($declarationId: ID!) {
    reviewCase(declarationId: $declarationId) {
      declarationId
      applicantName
      applicant {
        id
        idNumberMasked
      }
      unitName
      titleName
      levelName
      seriesName
      specialtyName
      category
      notice {
        id
        title
      }
      phase
      status
      statusText
      submittedAt
      version
      currentTask {
        sequence
        level
        levelText
        organisationName
        state
        stateText
        returnedFrom {
          fromLevel
          fromLevelText
          organisationName
          modules
          moduleNames
          opinion
          at
        }
      }
      moduleFlags {
        module
        moduleName
        hasErrors
        note
      }
      allowedActions {
        type
        taskSequence
        decisions
        decisionNames
        returnTargets
        results
        resultNames
        talentLevels {
          code
          name
        }
        appliedTalentLevel {
          code
          name
        }
      }
      progress {
        level
        levelText
        organisationId
        name
        node
        taskState
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
        returnTarget
        returnTargetText
        statusText
      }
      batch {
        id
        attachment {
          id
          fileName
          url
        }
      }
      declaration {
        id
        notice {
          id
          formConfig {
            modules {
              key
              name
              nameEn
            }
            attachments {
              code
              name
              nameEn
              module
            }
          }
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
            seriesName
            specialtyCode
            specialtyName
            scopeCode
            scopeName
            titleCode
            titleName
            levelCode
            levelName
            practisedSpecialtyCode
            practisedSpecialtyName
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
            previousCategoryName
            previousRecognitionDate
            longTermContract
            contractStartDate
            standardCode
            standardName
            levelCode
            levelName
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
          downloadUrl
          slot {
            kind
            code
            module
            entryId
          }
        }
      }
    }
  }
`);

export const SaveModuleFlagsMutation = graphql(`
  mutation SaveModuleFlags($declarationId: ID!, $taskSequence: Int!, $flags: [ModuleFlagInput!]!) {
    saveModuleFlags(declarationId: $declarationId, taskSequence: $taskSequence, flags: $flags) {
      declarationId
      moduleFlags {
        module
        moduleName
        hasErrors
        note
      }
    }
  }
`);

export const DecideReviewMutation = graphql(`
  mutation DecideReview(
    $declarationId: ID!
    $taskSequence: Int!
    $decision: ReviewDecision!
    $opinion: String!
    $modules: [ModuleKey!]
    $target: ReturnTarget
    $moduleFlags: [ModuleFlagInput!]
  ) {
    decideReview(
      declarationId: $declarationId
      taskSequence: $taskSequence
      decision: $decision
      opinion: $opinion
      modules: $modules
      target: $target
      moduleFlags: $moduleFlags
    ) {
      declarationId
      status
      statusText
    }
  }
`);

export const RecordCommitteeResultMutation = graphql(`
  mutation RecordCommitteeResult(
    $declarationId: ID!
    $result: CommitteeResult!
    $opinion: String!
    $taskSequence: Int
  ) {
    recordCommitteeResult(
      declarationId: $declarationId
      result: $result
      opinion: $opinion
      taskSequence: $taskSequence
    ) {
      declarationId
      status
      statusText
    }
  }
`);

export const RecordTalentResultMutation = graphql(`
  mutation RecordTalentResult(
    $declarationId: ID!
    $result: CommitteeResult!
    $opinion: String!
    $taskSequence: Int
    $levelCode: String
  ) {
    recordTalentResult(
      declarationId: $declarationId
      result: $result
      opinion: $opinion
      taskSequence: $taskSequence
      levelCode: $levelCode
    ) {
      declarationId
      status
      statusText
    }
  }
`);

export const CommonOpinionsQuery = graphql(`
  query CommonOpinions($kind: OpinionKind!) {
    commonOpinions(kind: $kind) {
      id
      kind
      text
      custom
    }
  }
`);

export const SaveCommonOpinionMutation = graphql(`
  mutation SaveCommonOpinion($kind: OpinionKind!, $text: String!) {
    saveCommonOpinion(kind: $kind, text: $text) {
      id
      kind
      text
      custom
    }
  }
`);

export const DeleteCommonOpinionMutation = graphql(`
  mutation DeleteCommonOpinion($id: ID!) {
    deleteCommonOpinion(id: $id)
  }
`);

export const RequestBatchAttachmentUploadMutation = graphql(`
  mutation RequestBatchAttachmentUpload($fileName: String!, $sizeBytes: Int!, $contentType: String!) {
    requestBatchAttachmentUpload(fileName: $fileName, sizeBytes: $sizeBytes, contentType: $contentType) {
      url
      expiresAt
      maxBytes
      formats
    }
  }
`);

export const ForwardBatchMutation = graphql(`
  mutation ForwardBatch($declarationIds: [ID!]!, $attachmentId: ID!) {
    forwardBatch(declarationIds: $declarationIds, attachmentId: $attachmentId) {
      id
      declarationIds
      forwardedAt
    }
  }
`);

export const RecordCommitteeResultsMutation = graphql(`
  mutation RecordCommitteeResults($declarationIds: [ID!]!, $result: CommitteeResult!, $opinion: String!) {
    recordCommitteeResults(declarationIds: $declarationIds, result: $result, opinion: $opinion) {
      declarationId
      status
      statusText
    }
  }
`);

export const TitleSeriesQuery = graphql(`
  query ReviewTitleSeries {
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
