import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '@zhicheng/server-kit';
import { maskIdNumber, maskMobile } from '@zhicheng/domain-codes';
import { AccountKind, IdType, OrganisationKind, SmsPurpose, UnitStatus } from '../entities';
import type * as E from '../entities';

registerEnumType(AccountKind, { name: 'AccountKind', description: 'How an account signs in' });
registerEnumType(IdType, { name: 'IdType' });
registerEnumType(SmsPurpose, { name: 'SmsPurpose' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(UnitStatus, { name: 'UnitStatus' });
registerEnumType(Role, { name: 'Role' });

@ObjectType('Captcha', { description: 'A picture captcha (图形验证码); the answer is checked once' })
export class CaptchaView {
  @Field(() => ID) id!: string;
  @Field({ description: 'SVG markup of the picture' }) svg!: string;
  @Field() expiresAt!: Date;
}

@ObjectType()
export class SmsCodeSent {
  @Field() mobileMasked!: string;
  @Field() expiresAt!: Date;
  @Field(() => Int) resendAfterSeconds!: number;
}

@Directive('@key(fields: "id")')
@ObjectType('Person', { description: 'An applicant (申报人). ID numbers are shown masked.' })
export class PersonView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => IdType) idType!: IdType;
  @Field({ description: 'e.g. 110***********1234' }) idNumberMasked!: string;
  @Field() mobileMasked!: string;
  @Field() createdAt!: Date;

  static of(person: E.Person): PersonView {
    return Object.assign(new PersonView(), {
      id: person.id,
      name: person.name,
      idType: person.idType,
      idNumberMasked: maskIdNumber(person.idNumber),
      mobileMasked: maskMobile(person.mobile),
      createdAt: person.createdAt,
    });
  }
}

@Directive('@key(fields: "id")')
@Directive('@key(fields: "creditCode")')
@ObjectType('Unit', { description: 'An employer unit (单位), identified by its unified social credit code' })
export class UnitView {
  @Field(() => ID) id!: string;
  @Field() creditCode!: string;
  @Field() name!: string;
  @Field(() => UnitStatus) status!: UnitStatus;
  @Field() legalPersonName!: string;
  @Field({ description: 'Whether the legal person or an agent has signed in once; binding requires it' })
  signedInOnce!: boolean;
  @Field() createdAt!: Date;

  static of(unit: E.Unit): UnitView {
    return Object.assign(new UnitView(), {
      id: unit.id,
      creditCode: unit.creditCode,
      name: unit.name,
      status: unit.status,
      legalPersonName: unit.legalPersonName,
      signedInOnce: Boolean(unit.firstSignInAt),
      createdAt: unit.createdAt,
    });
  }
}

@ObjectType('Agent', { description: "A unit's agent (经办人)" })
export class AgentView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: "Full mobile: only the unit's legal person reads agents" }) mobile!: string;
  @Field() idNumberMasked!: string;
  @Field() enabled!: boolean;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastSignInAt?: Date | null;

  static of(agent: E.Agent): AgentView {
    return Object.assign(new AgentView(), {
      id: agent.id,
      name: agent.name,
      mobile: agent.mobile,
      idNumberMasked: maskIdNumber(agent.idNumber),
      enabled: agent.enabled,
      createdAt: agent.createdAt,
      lastSignInAt: agent.lastSignInAt ?? null,
    });
  }
}

@ObjectType('Organisation', { description: 'A bureau, competent department or review committee' })
export class OrganisationView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganisationKind) kind!: OrganisationKind;
  @Field() regionCode!: string;
  parentId?: string | null;

  static of(organisation: E.Organisation): OrganisationView {
    return Object.assign(new OrganisationView(), {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      regionCode: organisation.regionCode,
      parentId: organisation.parent?.id ?? null,
    });
  }
}

@ObjectType('StaffAccount')
export class StaffView {
  @Field(() => ID) id!: string;
  @Field() username!: string;
  @Field() name!: string;
  @Field(() => OrganisationView) organisation!: OrganisationView;

  static of(staff: E.StaffAccount): StaffView {
    return Object.assign(new StaffView(), {
      id: staff.id,
      username: staff.username,
      name: staff.name,
      organisation: OrganisationView.of(staff.organisation.getEntity()),
    });
  }
}

@ObjectType('Viewer', { description: 'The signed-in account' })
export class Viewer {
  @Field(() => ID) accountId!: string;
  @Field(() => AccountKind) kind!: AccountKind;
  @Field() displayName!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => PersonView, { nullable: true }) person?: PersonView | null;
  @Field(() => UnitView, { nullable: true, description: 'The unit of a legal person or agent' })
  unit?: UnitView | null;
  @Field(() => AgentView, { nullable: true }) agent?: AgentView | null;
  @Field(() => StaffView, { nullable: true }) staff?: StaffView | null;
}

@ObjectType('Session', {
  description: 'A fresh access token; the refresh token travels only as an httpOnly cookie',
})
export class SessionView {
  @Field() accessToken!: string;
  @Field() expiresAt!: Date;
  @Field(() => Viewer) viewer!: Viewer;
}

@InputType()
export class SendSmsCodeInput {
  @Field() mobile!: string;
  @Field(() => SmsPurpose) purpose!: SmsPurpose;
  @Field(() => ID) captchaId!: string;
  @Field() captchaAnswer!: string;
}

@InputType()
export class RegisterPersonInput {
  @Field() name!: string;
  @Field(() => IdType) idType!: IdType;
  @Field() idNumber!: string;
  @Field() mobile!: string;
  @Field() smsCode!: string;
  @Field() password!: string;
}

@InputType()
export class RegisterUnitInput {
  @Field() creditCode!: string;
  @Field() name!: string;
  @Field() legalPersonName!: string;
  @Field() legalPersonIdNumber!: string;
  @Field() mobile!: string;
  @Field() smsCode!: string;
  @Field() password!: string;
}

@InputType()
export class ActivateUnitInput {
  @Field() creditCode!: string;
  @Field() mobile!: string;
  @Field() smsCode!: string;
}

@InputType({
  description:
    'PERSON: account = resident ID number or mobile; LEGAL_PERSON: account = credit code; AGENT: creditCode + account = agent mobile or ID number; STAFF: account = username',
})
export class SignInInput {
  @Field(() => AccountKind) kind!: AccountKind;
  @Field() account!: string;
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field() password!: string;
  @Field(() => ID) captchaId!: string;
  @Field() captchaAnswer!: string;
}

@InputType({
  description: 'PERSON: the registered mobile; LEGAL_PERSON: credit code + the unit’s registered mobile',
})
export class ResetPasswordInput {
  @Field(() => AccountKind) kind!: AccountKind;
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field() mobile!: string;
  @Field() smsCode!: string;
  @Field() newPassword!: string;
}

@InputType()
export class CreateAgentInput {
  @Field() name!: string;
  @Field() mobile!: string;
  @Field() idNumber!: string;
  @Field() password!: string;
}

@InputType()
export class UpdateAgentInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) mobile?: string | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
}
