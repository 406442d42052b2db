// 统计分析's API documents.
import { graphql } from '../gql';

export const DeclarationStatisticsQuery = graphql(`
  query DeclarationStatistics($filter: StatisticsFilter) {
    declarationStatistics(filter: $filter) {
      from
      to
      regionCode
      regionName
      total
      passRate
      returnRate
      terminateRate
      passed
      returned
      terminated
      byStatus {
        key
        label
        count
      }
      byChannel {
        key
        label
        count
      }
      bySeries {
        key
        label
        count
      }
      byLevel {
        key
        label
        count
      }
      byRegion {
        key
        label
        count
      }
      byUnit {
        key
        label
        count
      }
      submissionsPerDay {
        day
        count
      }
      reviewTimes {
        level
        label
        stays
        medianHours
        p90Hours
      }
      committeeOutcomes {
        committeeId
        committeeName
        outcome
        label
        count
      }
      regionOptions {
        code
        name
      }
    }
  }
`);

/** The notices to filter by, and the channels' names for the figures by channel. */
export const StatisticsNoticesQuery = graphql(`
  query StatisticsNotices {
    notices {
      id
      title
      channel {
        code
        name
      }
    }
  }
`);
