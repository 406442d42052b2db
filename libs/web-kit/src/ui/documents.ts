import { graphql } from '../gql';

export const CreateCaptchaMutation = graphql(`
  mutation CreateCaptcha {
    createCaptcha {
      id
      svg
      expiresAt
    }
  }
`);

export const SendSmsCodeMutation = graphql(`
  mutation SendSmsCode($input: SendSmsCodeInput!) {
    sendSmsCode(input: $input) {
      mobileMasked
      expiresAt
      resendAfterSeconds
    }
  }
`);
