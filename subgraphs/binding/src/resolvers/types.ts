import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BindingStatus } from '../entities';
import type * as E from '../entities';
import { statusText } from '../domain/status';

registerEnumType(BindingStatus, {
  name: 'BindingStatus',
  description: '待审核 / 已绑定 / 审核不通过终止审核 / 已解绑',
  valuesConfig: {
    PENDING: { description: '待审核: the unit has not decided yet' },
    APPROVED: { description: '已绑定: bound; the applicant may declare through this unit' },
    REFUSED: { description: '审核不通过终止审核: the unit refused; see the opinion' },
    ENDED: { description: '已解绑: the applicant unbound, or withdrew the request' },
  },
});

/** identity's Person; binding adds the applicant's own bindings to it. */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef {
  @Field(() => ID) id!: string;

  static of(id: string): PersonRef {
    return Object.assign(new PersonRef(), { id });
  }
}

/** identity's Unit; binding adds the requests made to it. */
@Directive('@key(fields: "id")')
@ObjectType('Unit')
export class UnitRef {
  @Field(() => ID) id!: string;

  static of(id: string): UnitRef {
    return Object.assign(new UnitRef(), { id });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Binding', {
  description: "An applicant's request to bind to a recommending unit (绑定推荐单位) and its outcome",
})
export class BindingView {
  @Field(() => ID) id!: string;
  @Field(() => PersonRef, { description: 'The applicant' }) person!: PersonRef;
  @Field(() => UnitRef, { description: 'The recommending unit' }) unit!: UnitRef;
  @Field(() => BindingStatus) status!: BindingStatus;
  @Field({ description: 'The status in the words the applicant sees, e.g. 已绑定' })
  statusText!: string;
  @Field() requestedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt?: Date | null;
  @Field(() => String, { nullable: true, description: '办件意见: the unit’s opinion with its decision' })
  opinion?: string | null;
  @Field(() => String, { nullable: true, description: 'Who decided: the agent’s name, or 单位法人' })
  decidedByName?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was unbound or withdrawn' })
  endedAt?: Date | null;

  static of(binding: E.Binding): BindingView {
    return Object.assign(new BindingView(), {
      id: binding.id,
      person: PersonRef.of(binding.personId),
      unit: UnitRef.of(binding.unitId),
      status: binding.status,
      statusText: statusText(binding.status),
      requestedAt: binding.requestedAt,
      decidedAt: binding.decidedAt ?? null,
      opinion: binding.opinion ?? null,
      decidedByName: binding.decidedByName ?? null,
      endedAt: binding.endedAt ?? null,
    });
  }
}
