import {
  Arg,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { notePersonalDataView, type PersonalDataItem } from '@zhicheng/events';
import type { IdentityContext } from '../context';
import {
  ACCESS_LOG_PAGE_DEFAULT,
  ACCESS_LOG_PAGE_MAX,
  encodeCursor,
  fullIdNumberReader,
  ITEM_WORDS,
  myDataAccessLog,
  VIEWER_ROLES,
  type ViewerRole,
} from '../domain/access-log';
import type { PersonalDataAccess } from '../entities';
import { pendingBindingAt, personById } from '../loaders';
import { PersonView } from './types';

const ViewerRoleEnum = Object.fromEntries(Object.keys(VIEWER_ROLES).map((k) => [k, k])) as {
  [K in ViewerRole]: K;
};
registerEnumType(ViewerRoleEnum, {
  name: 'DataViewerRole',
  description: 'Who read the data, by role (words in viewerRoleText)',
  valuesConfig: Object.fromEntries(
    Object.entries(VIEWER_ROLES).map(([k, words]) => [k, { description: words.zh }]),
  ),
});

const PersonalDataItemEnum = Object.fromEntries(Object.keys(ITEM_WORDS).map((k) => [k, k])) as {
  [K in PersonalDataItem]: K;
};
registerEnumType(PersonalDataItemEnum, {
  name: 'PersonalDataItem',
  description: 'What of the person was read',
  valuesConfig: Object.fromEntries(
    Object.entries(ITEM_WORDS).map(([k, words]) => [k, { description: words.zh }]),
  ),
});

@ObjectType('PersonalDataAccess', {
  description:
    'One line of 谁查看了我的信息: someone else read the person’s data (repeats within minutes are one line)',
})
export class PersonalDataAccessView {
  @Field(() => ID) id!: string;
  @Field({ description: 'When it was first read' }) viewedAt!: Date;
  @Field({ description: 'When it was last read (repeats within minutes are one line)' })
  lastViewedAt!: Date;
  @Field(() => Int) viewCount!: number;
  @Field(() => ViewerRoleEnum) viewerRole!: ViewerRole;
  @Field({ description: 'e.g. 单位经办人' }) viewerRoleText!: string;
  @Field(() => String, { nullable: true, description: 'The unit or organisation the reader acted for' })
  organisationName!: string | null;
  @Field(() => [PersonalDataItemEnum]) items!: PersonalDataItem[];
  @Field(() => [String], { description: 'e.g. 申报材料, 申报附件' }) itemsText!: string[];
  @Field(() => ID, { nullable: true, description: 'The declaration read, when it was one' })
  declarationId!: string | null;

  static of(row: PersonalDataAccess): PersonalDataAccessView {
    const role = (row.viewerRole in VIEWER_ROLES ? row.viewerRole : 'OTHER') as ViewerRole;
    return Object.assign(new PersonalDataAccessView(), {
      id: row.id,
      viewedAt: row.viewedAt,
      lastViewedAt: row.lastViewedAt,
      viewCount: row.viewCount,
      viewerRole: role,
      viewerRoleText: VIEWER_ROLES[role].zh,
      organisationName: row.organisationName ?? null,
      items: row.items,
      itemsText: row.items.map((item) => ITEM_WORDS[item]?.zh ?? item),
      declarationId: row.declarationId ?? null,
    });
  }
}

@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Relay-style page information' })
export class PageInfoView {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('PersonalDataAccessEdge')
export class PersonalDataAccessEdgeView {
  @Field() cursor!: string;
  @Field(() => PersonalDataAccessView) node!: PersonalDataAccessView;
}

@ObjectType('PersonalDataAccessConnection')
export class PersonalDataAccessConnectionView {
  @Field(() => [PersonalDataAccessEdgeView]) edges!: PersonalDataAccessEdgeView[];
  @Field(() => PageInfoView) pageInfo!: PageInfoView;
  @Field(() => Int, { description: 'All lines, on every page' }) totalCount!: number;
}

@Resolver()
export class AccessLogResolver {
  @Query(() => PersonalDataAccessConnectionView, {
    description:
      '谁查看了我的信息: who else read the signed-in person’s data, newest first (the person only; others FORBIDDEN)',
  })
  async myDataAccessLog(
    @Ctx() ctx: IdentityContext,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: ACCESS_LOG_PAGE_DEFAULT,
      description: `1–${ACCESS_LOG_PAGE_MAX}`,
    })
    first: number,
  ): Promise<PersonalDataAccessConnectionView> {
    const page = await myDataAccessLog(ctx.em, ctx.auth, { first, after });
    const edges = page.rows.map((row) =>
      Object.assign(new PersonalDataAccessEdgeView(), {
        cursor: encodeCursor(row),
        node: PersonalDataAccessView.of(row),
      }),
    );
    return Object.assign(new PersonalDataAccessConnectionView(), {
      edges,
      pageInfo: Object.assign(new PageInfoView(), {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      }),
      totalCount: page.totalCount,
    });
  }
}

@Resolver(() => PersonView)
export class PersonIdNumberResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The full ID number: to the person themself, and to the legal person and agents of a unit the person has asked to bind to, while that request waits (to verify who is asking; recorded in the person’s 谁查看了我的信息). Null to anyone else.',
  })
  async idNumber(@Root() person: PersonView, @Ctx() ctx: IdentityContext): Promise<string | null> {
    const reader = await fullIdNumberReader(ctx.auth.principal, person.id, (unitId) =>
      pendingBindingAt(ctx, unitId, person.id),
    );
    if (!reader) return null;
    const entity = await personById(ctx).load(person.id);
    if (!entity) return null;
    notePersonalDataView(ctx, { personId: person.id, item: 'ID_NUMBER' });
    return entity.idNumber;
  }
}
