// 统计分析: thin layer over statistics/figures.ts (authorisation, checks and SQL live there).
import { Arg, Ctx, Field, Float, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { ReviewContext } from '../context';
import { declarationStatistics, type Figures } from '../statistics/figures';
import { ReviewLevelEnum } from './enums';

@InputType('StatisticsFilter', { description: '统计分析 filters: all optional' })
export class StatisticsFilterInput {
  @Field(() => ID, { nullable: true, description: 'One notice (申报通知)' }) noticeId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'An area inside the caller’s jurisdiction (GB/T 2260, 6 digits); default: the whole jurisdiction',
  })
  regionCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'First submitted on or after this day, YYYY-MM-DD (China time); default: 29 days before `to`',
  })
  from?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'First submitted on or before this day, YYYY-MM-DD (China time); default: today. At most 366 days',
  })
  to?: string | null;
}

@ObjectType('StatisticsCount', { description: 'How many declarations of the cohort fall under one key' })
export class StatisticsCountView {
  @Field(() => String, {
    nullable: true,
    description: 'The code (status, channel, series, level, area or unit id); null: not known',
  })
  key!: string | null;
  @Field({ description: 'The words to show (channels: their code; the client names them from `notices`)' })
  label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('StatisticsDay')
export class StatisticsDayView {
  @Field({ description: 'YYYY-MM-DD (China time)' }) day!: string;
  @Field(() => Int, { description: 'First submissions that day' }) count!: number;
}

@ObjectType('StatisticsReviewTime', { description: 'How long a level took: from arrival to its decision' })
export class StatisticsReviewTimeView {
  @Field(() => ReviewLevelEnum) level!: ReviewLevelEnum;
  @Field() label!: string;
  @Field(() => Int, { description: 'Finished stays at the level' }) stays!: number;
  @Field(() => Float, { nullable: true, description: 'Median, in hours (null: none finished)' })
  medianHours!: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile, in hours' }) p90Hours!: number | null;
}

@ObjectType('StatisticsCommitteeOutcome', { description: '评审结果 by committee: 通过 / 不通过 / 暂缓' })
export class StatisticsCommitteeOutcomeView {
  @Field(() => ID, { nullable: true }) committeeId!: string | null;
  @Field() committeeName!: string;
  @Field({ description: 'PASS, FAIL or DEFER' }) outcome!: string;
  @Field() label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('StatisticsRegion')
export class StatisticsRegionView {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType('DeclarationStatistics', {
  description:
    '统计分析: the declarations first submitted in the period (the cohort), from the reporting read model',
})
export class DeclarationStatisticsView {
  @Field() from!: string;
  @Field() to!: string;
  @Field({ description: 'The area covered' }) regionCode!: string;
  @Field() regionName!: string;
  @Field(() => Int) total!: number;
  @Field(() => [StatisticsCountView], { description: 'Every status, zero included' })
  byStatus!: StatisticsCountView[];
  @Field(() => [StatisticsCountView]) byChannel!: StatisticsCountView[];
  @Field(() => [StatisticsCountView], { description: '申报系列' }) bySeries!: StatisticsCountView[];
  @Field(() => [StatisticsCountView], { description: '级别' }) byLevel!: StatisticsCountView[];
  @Field(() => [StatisticsCountView], {
    description: 'By area, one level below the area covered (a province: its cities; a city: its counties)',
  })
  byRegion!: StatisticsCountView[];
  @Field(() => [StatisticsCountView], { description: 'The 20 units with the most declarations' })
  byUnit!: StatisticsCountView[];
  @Field(() => [StatisticsDayView], { description: 'Every day of the period' })
  submissionsPerDay!: StatisticsDayView[];
  @Field(() => [StatisticsReviewTimeView]) reviewTimes!: StatisticsReviewTimeView[];
  @Field(() => Float, { description: '终审通过 / total (0–1)' }) passRate!: number;
  @Field(() => Float, { description: 'Returned to the applicant at least once / total' }) returnRate!: number;
  @Field(() => Float, { description: '审核不通过终止审核 / total' }) terminateRate!: number;
  @Field(() => Int) passed!: number;
  @Field(() => Int) returned!: number;
  @Field(() => Int) terminated!: number;
  @Field(() => [StatisticsCommitteeOutcomeView]) committeeOutcomes!: StatisticsCommitteeOutcomeView[];
  @Field(() => [StatisticsRegionView], {
    description: 'Areas to filter by: the caller’s jurisdiction first, then the known areas below it',
  })
  regionOptions!: StatisticsRegionView[];

  static of(figures: Figures): DeclarationStatisticsView {
    return Object.assign(new DeclarationStatisticsView(), figures);
  }
}

@Resolver()
export class StatisticsResolver {
  @Query(() => DeclarationStatisticsView, {
    description:
      '统计分析 for bureau staff: a city bureau sees its own area, the province everything. Figures come from events (review’s reporting read model)',
  })
  async declarationStatistics(
    @Ctx() ctx: ReviewContext,
    @Arg('filter', () => StatisticsFilterInput, { nullable: true }) filter: StatisticsFilterInput | null,
  ): Promise<DeclarationStatisticsView> {
    return DeclarationStatisticsView.of(
      await declarationStatistics(ctx.em, ctx.auth, filter ?? {}, ctx.deps.now()),
    );
  }
}
