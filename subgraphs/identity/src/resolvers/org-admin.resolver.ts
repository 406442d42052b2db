// 机构与人员: organisations and staff for a bureau's administrators (ORGANISATION_ADMIN), each
// limited to its own organisation's subtree by the domain (domain/organisations.ts, staff.ts).
import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../context';
import { OrganisationKind } from '../entities';
import { adminScope, createOrganisation, updateOrganisation } from '../domain/organisations';
import {
  createStaff,
  listStaff,
  resetStaffPassword,
  setStaffEnabled,
  StaffRole,
  updateStaff,
} from '../domain/staff';
import { OrganisationView, StaffView } from './types';

@InputType()
export class CommitteeScopeInput {
  @Field({ description: '申报系列 code, e.g. ENG' }) seriesCode!: string;
  @Field(() => [String], { description: '申报职称级别 codes the series has, e.g. DEPUTY_SENIOR' })
  levelCodes!: string[];
  @Field(() => [String], { nullable: true, description: '申报专业 codes; none: the whole series' })
  specialtyCodes?: string[] | null;
  @Field({ description: '开放申报' }) open!: boolean;
}

@InputType()
export class CreateOrganisationInput {
  @Field(() => ID, { description: 'A bureau the administrator manages' }) parentId!: string;
  @Field(() => OrganisationKind) kind!: OrganisationKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: "GB/T 2260 code; default the parent's" })
  regionCode?: string | null;
  @Field(() => CommitteeScopeInput, { nullable: true, description: 'Required for COMMITTEE' })
  committee?: CommitteeScopeInput | null;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => CommitteeScopeInput, { nullable: true }) committee?: CommitteeScopeInput | null;
}

@InputType()
export class CreateStaffInput {
  @Field(() => ID) organisationId!: string;
  @Field({ description: '3-32 lower-case letters, digits, . _ -; unique' }) username!: string;
  @Field() name!: string;
  @Field(() => [StaffRole]) roles!: StaffRole[];
  @Field({ description: 'Must be changed at the first sign-in' }) initialPassword!: string;
}

@InputType()
export class UpdateStaffInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [StaffRole], { nullable: true }) roles?: StaffRole[] | null;
}

@Resolver()
export class OrgAdminResolver {
  @Query(() => [OrganisationView], {
    description: "ORGANISATION_ADMIN: the administrator's organisation and everything below it",
  })
  async administeredOrganisations(@Ctx() ctx: IdentityContext): Promise<OrganisationView[]> {
    return (await adminScope(ctx.em, ctx.auth)).organisations.map(OrganisationView.of);
  }

  @Query(() => [StaffView], {
    description: 'ORGANISATION_ADMIN: staff of one managed organisation, or of all of them',
  })
  async staffAccounts(
    @Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null,
    @Ctx() ctx: IdentityContext,
  ): Promise<StaffView[]> {
    return (await listStaff(ctx.em, ctx.auth, organisationId)).map(StaffView.of);
  }

  @Mutation(() => OrganisationView)
  async createOrganisation(
    @Arg('input') input: CreateOrganisationInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<OrganisationView> {
    return OrganisationView.of(await createOrganisation(ctx.em, ctx.auth, input));
  }

  @Mutation(() => OrganisationView)
  async updateOrganisation(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateOrganisationInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<OrganisationView> {
    return OrganisationView.of(await updateOrganisation(ctx.em, ctx.auth, id, input));
  }

  @Mutation(() => StaffView, { description: 'The account must set its own password at its first sign-in' })
  async createStaffAccount(
    @Arg('input') input: CreateStaffInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<StaffView> {
    return StaffView.of(await createStaff(ctx.em, ctx.auth, input));
  }

  @Mutation(() => StaffView, { description: 'Changed roles take effect at the next sign-in' })
  async updateStaffAccount(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateStaffInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<StaffView> {
    return StaffView.of(await updateStaff(ctx.em, ctx.auth, id, input));
  }

  @Mutation(() => StaffView, { description: 'Disabling also ends the account’s current sign-ins' })
  async setStaffAccountEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled') enabled: boolean,
    @Ctx() ctx: IdentityContext,
  ): Promise<StaffView> {
    return StaffView.of(await setStaffEnabled(ctx.em, ctx.auth, id, enabled));
  }

  @Mutation(() => StaffView, {
    description: 'A temporary password the person must replace at the next sign-in; current sign-ins end',
  })
  async resetStaffPassword(
    @Arg('id', () => ID) id: string,
    @Arg('temporaryPassword') temporaryPassword: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<StaffView> {
    return StaffView.of(await resetStaffPassword(ctx.em, ctx.auth, id, temporaryPassword));
  }
}
