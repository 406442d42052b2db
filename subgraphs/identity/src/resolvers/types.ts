import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '@zhicheng/server-kit';
import { maskIdNumber, maskMobile } from '@zhicheng/domain-codes';
import { AccountKind, IdType, OrganisationKind, SmsPurpose, UnitNature, UnitStatus } from '../entities';
import { staffRoles, StaffRole } from '../domain/staff';
import type * as E from '../entities';

registerEnumType(AccountKind, { name: 'AccountKind', description: 'How an account signs in' });
registerEnumType(IdType, { name: 'IdType' });
registerEnumType(SmsPurpose, { name: 'SmsPurpose' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(UnitStatus, { name: 'UnitStatus' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(UnitNature, { name: 'UnitNature', description: '工作单位性质' });
registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'REVIEWER 审核; ADMINISTRATOR 机构与人员管理 (bureaus only)',
});

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
  @Field(() => String, { nullable: true, description: '所属行政区划 (GB/T 2260 code)' })
  regionCode?: string | null;
  @Field(() => UnitNature, { nullable: true, description: '工作单位性质' })
  nature?: UnitNature | null;
  /** 行政主管部门 (resolved by a field resolver); null: 无 or not set. */
  competentDepartmentId?: string | null;

  static of(unit: E.Unit): UnitView {
    return Object.assign(new UnitView(), {
      id: unit.id,
      creditCode: unit.creditCode,
      name: unit.name,
      status: unit.status,
      legalPersonName: unit.legalPersonName,
      signedInOnce: Boolean(unit.firstSignInAt),
      createdAt: unit.createdAt,
      regionCode: unit.regionCode ?? null,
      nature: unit.nature ?? null,
      competentDepartmentId: unit.competentDepartment?.id ?? null,
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

@ObjectType('CommitteeScope', { description: "A review committee's remit (评审范围)" })
export class CommitteeScopeView {
  @Field({ description: '申报系列 code' }) seriesCode!: string;
  @Field(() => [String], { description: '申报职称级别 codes' }) levelCodes!: string[];
  @Field(() => [String], { description: '申报专业 codes; empty: the whole series' })
  specialtyCodes!: string[];
  @Field({ description: '开放申报' }) open!: boolean;
}

@ObjectType('Organisation', { description: 'A bureau, competent department or review committee' })
export class OrganisationView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganisationKind) kind!: OrganisationKind;
  @Field() regionCode!: string;
  @Field({ description: 'A disabled organisation takes no new declarations or staff' }) enabled!: boolean;
  @Field(() => CommitteeScopeView, { nullable: true, description: 'COMMITTEE only' })
  committee?: CommitteeScopeView | null;
  parentId?: string | null;

  static of(organisation: E.Organisation): OrganisationView {
    return Object.assign(new OrganisationView(), {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      regionCode: organisation.regionCode,
      enabled: organisation.enabled,
      committee:
        organisation.kind === OrganisationKind.COMMITTEE
          ? Object.assign(new CommitteeScopeView(), {
              seriesCode: organisation.committeeSeriesCode ?? '',
              levelCodes: organisation.committeeLevelCodes ?? [],
              specialtyCodes: organisation.committeeSpecialtyCodes ?? [],
              open: organisation.committeeOpen ?? false,
            })
          : null,
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
  @Field(() => [StaffRole]) roles!: StaffRole[];
  @Field() enabled!: boolean;
  @Field({ description: 'The next sign-in must set a new password (new or reset account)' })
  mustChangePassword!: boolean;
  @Field(() => Date, { nullable: true }) lastSignInAt?: Date | null;

  static of(staff: E.StaffAccount): StaffView {
    return Object.assign(new StaffView(), {
      id: staff.id,
      username: staff.username,
      name: staff.name,
      organisation: OrganisationView.of(staff.organisation.getEntity()),
      roles: staffRoles(staff),
      enabled: staff.enabled,
      mustChangePassword: staff.mustChangePassword,
      lastSignInAt: staff.lastSignInAt ?? null,
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
  @Field(() => String, {
    nullable: true,
    description:
      'STAFF whose sign-in answered PASSWORD_CHANGE_REQUIRED: the new password (sent with the old one)',
  })
  newPassword?: string | null;
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
