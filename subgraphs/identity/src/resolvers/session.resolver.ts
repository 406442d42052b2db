import { parse as parseCookies } from 'cookie';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal, unauthenticated } from '@zhicheng/server-kit';
import type { IdentityContext } from '../context';
import { createCaptcha } from '../domain/captcha';
import {
  activateUnit,
  registerPerson,
  registerUnit,
  resetPassword,
  sendSmsCode,
} from '../domain/registration';
import { loadAccount, refreshSession, signIn, signOut, type IssuedSession } from '../domain/sign-in';
import type { Account } from '../domain/principal';
import { AccountKind } from '../entities';
import {
  ActivateUnitInput,
  AgentView,
  CaptchaView,
  PersonView,
  RegisterPersonInput,
  RegisterUnitInput,
  ResetPasswordInput,
  SendSmsCodeInput,
  SessionView,
  SignInInput,
  SmsCodeSent,
  StaffView,
  UnitView,
  Viewer,
} from './types';

/** The refresh token lives only in this httpOnly cookie, scoped to the GraphQL path. */
export const REFRESH_COOKIE = 'zc_refresh';

function viewerOf(account: Account, roles: Viewer['roles']): Viewer {
  const viewer = new Viewer();
  Object.assign(viewer, {
    accountId: account.entity.id,
    kind: account.kind,
    displayName: account.entity.name,
    roles,
  });
  if (account.kind === AccountKind.PERSON) viewer.person = PersonView.of(account.entity);
  if (account.kind === AccountKind.LEGAL_PERSON) viewer.unit = UnitView.of(account.entity);
  if (account.kind === AccountKind.AGENT) {
    viewer.agent = AgentView.of(account.entity);
    viewer.unit = UnitView.of(account.entity.unit.getEntity());
  }
  if (account.kind === AccountKind.STAFF) viewer.staff = StaffView.of(account.entity);
  return viewer;
}

@Resolver()
export class SessionResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in account, or null' })
  async me(@Ctx() ctx: IdentityContext): Promise<Viewer | null> {
    if (!ctx.auth.principal && !ctx.auth.failure) return null;
    const principal = requirePrincipal(ctx.auth);
    if (principal.kind === 'CLIENT') return null;
    const account = await loadAccount(ctx.em, principal.kind as AccountKind, principal.accountId);
    if (!account) throw unauthenticated('账号不存在，请重新登录');
    return viewerOf(account, principal.roles);
  }

  @Mutation(() => CaptchaView)
  async createCaptcha(@Ctx() ctx: IdentityContext): Promise<CaptchaView> {
    const { captcha, svg } = await createCaptcha(ctx.em, {
      ip: ctx.clientIp,
      perWindow: ctx.deps.env.CAPTCHA_LIMIT_PER_IP,
      windowSeconds: ctx.deps.env.CAPTCHA_LIMIT_WINDOW_SECONDS,
    });
    return Object.assign(new CaptchaView(), { id: captcha.id, svg, expiresAt: captcha.expiresAt });
  }

  @Mutation(() => SmsCodeSent, { description: 'Sends a 6-digit SMS code; needs a captcha answer' })
  async sendSmsCode(
    @Arg('input') input: SendSmsCodeInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<SmsCodeSent> {
    return Object.assign(new SmsCodeSent(), await sendSmsCode(ctx.em, ctx.deps, input, this.caller(ctx)));
  }

  @Mutation(() => PersonView)
  async registerPerson(
    @Arg('input') input: RegisterPersonInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<PersonView> {
    return PersonView.of(await registerPerson(ctx.em, ctx.deps, input));
  }

  @Mutation(() => UnitView, {
    description: 'Registers a unit and its legal-person account, pending activation',
  })
  async registerUnit(@Arg('input') input: RegisterUnitInput, @Ctx() ctx: IdentityContext): Promise<UnitView> {
    return UnitView.of(await registerUnit(ctx.em, ctx.deps, input));
  }

  @Mutation(() => UnitView)
  async activateUnit(@Arg('input') input: ActivateUnitInput, @Ctx() ctx: IdentityContext): Promise<UnitView> {
    return UnitView.of(await activateUnit(ctx.em, ctx.deps, input));
  }

  @Mutation(() => SessionView, {
    description: 'Sets the httpOnly refresh cookie; keep the access token in memory only',
  })
  async signIn(@Arg('input') input: SignInInput, @Ctx() ctx: IdentityContext): Promise<SessionView> {
    const issued = await signIn(ctx.em, ctx.deps, input, this.caller(ctx));
    return this.respond(ctx, issued);
  }

  @Mutation(() => SessionView, { description: 'Rotates the refresh cookie and returns a fresh access token' })
  async refreshSession(@Ctx() ctx: IdentityContext): Promise<SessionView> {
    const token = this.refreshToken(ctx);
    if (!token) throw unauthenticated('未登录或登录已过期，请重新登录');
    try {
      return this.respond(ctx, await refreshSession(ctx.em, ctx.deps, token, this.caller(ctx)));
    } catch (error) {
      this.clearCookie(ctx);
      throw error;
    }
  }

  @Mutation(() => Boolean, { description: 'Revokes this sign-in and clears the refresh cookie' })
  async signOut(@Ctx() ctx: IdentityContext): Promise<boolean> {
    await signOut(ctx.em, ctx.deps, this.refreshToken(ctx), ctx.auth);
    this.clearCookie(ctx);
    return true;
  }

  @Mutation(() => Boolean)
  async resetPassword(
    @Arg('input') input: ResetPasswordInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<boolean> {
    await resetPassword(ctx.em, ctx.deps, input);
    return true;
  }

  private caller(ctx: IdentityContext) {
    return { ip: ctx.clientIp, userAgent: ctx.req.headers['user-agent'] };
  }

  private refreshToken(ctx: IdentityContext): string | undefined {
    return parseCookies(ctx.req.headers.cookie ?? '')[REFRESH_COOKIE];
  }

  private cookieOptions(ctx: IdentityContext) {
    const secure = ctx.deps.env.COOKIE_SECURE ?? ctx.deps.env.NODE_ENV === 'production';
    return { httpOnly: true, secure, sameSite: 'strict' as const, path: '/graphql' };
  }

  private clearCookie(ctx: IdentityContext) {
    ctx.res.clearCookie(REFRESH_COOKIE, this.cookieOptions(ctx));
  }

  private async respond(ctx: IdentityContext, issued: IssuedSession): Promise<SessionView> {
    ctx.res.cookie(REFRESH_COOKIE, issued.refreshToken, {
      ...this.cookieOptions(ctx),
      expires: issued.refreshExpiresAt,
    });
    const account = await loadAccount(
      ctx.em,
      issued.principal.kind as AccountKind,
      issued.principal.accountId,
    );
    if (!account) throw unauthenticated();
    return Object.assign(new SessionView(), {
      accessToken: issued.accessToken,
      expiresAt: issued.expiresAt,
      viewer: viewerOf(account, issued.principal.roles),
    });
  }
}
