// 谁查看了我的信息 (identity's myDataAccessLog).
import { graphql } from '../gql';

export const MyDataAccessLogQuery = graphql(`
  query MyDataAccessLog($first: Int, $after: String) {
    myDataAccessLog(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          viewedAt
          lastViewedAt
          viewCount
          viewerRole
          organisationName
          items
        }
      }
    }
  }
`);
