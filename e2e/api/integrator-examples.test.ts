// Issue 12 item 8 and its "Done when": the integrator's examples (examples/integrator) run as they
// are — with `node`, on their typed client generated from the published schema, importing nothing
// of the project — against the running stack, in the order of the guide's five-minute path. The
// harness only plays the people: it reads the captcha of the legal person's interactive sign-in
// and submits and reviews declarations (the client's own token needs no captcha).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  bindToDemoUnit,
  DEMO_UNIT_CREDIT_CODE,
  DEMO_APPLICANTS,
  DEMO_PASSWORD,
  demoAgent,
  signedIn,
  submittedTitleDeclaration,
  unitPassesAndForwards,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

const examples = path.resolve(__dirname, '..', '..', 'examples', 'integrator');

let stack: Stack;
let workDir: string;

beforeAll(async () => {
  stack = await startStack('gw_integrator_examples', {
    demoData: true,
    // The example's receiver listens on 127.0.0.1 (a non-production setting; real ones are https).
    identityEnv: { WEBHOOK_ALLOW_LOOPBACK: 'true', WEBHOOK_POLL_MS: '200' },
  });
  workDir = await mkdtemp(path.join(os.tmpdir(), 'zc-integrator-'));
});
afterAll(async () => {
  await stack?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** One example as an integrator runs it: `node src/<name>.ts`, in a folder of their own. */
class Run {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number>;

  constructor(script: string, args: string[] = [], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [path.join(examples, 'src', `${script}.ts`), ...args], {
      cwd: workDir,
      env: {
        PATH: process.env.PATH ?? '',
        ZHICHENG_URL: stack.origin,
        ZHICHENG_TOKEN_FILE: path.join(workDir, '.zhicheng-token'),
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code ?? -1)));
  }

  /** Waits until the output matches (the example got that far). */
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<void> {
    const started = Date.now();
    while (!pattern.test(this.stdout)) {
      if (this.child.exitCode !== null || Date.now() - started > timeoutMs)
        throw new Error(`no ${pattern} in:\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Runs to its end; the output, or a failed test with both streams. */
  async finished(): Promise<string> {
    const code = await this.exited;
    if (code !== 0) throw new Error(`exit ${code}:\n${this.stdout}\n${this.stderr}`);
    return this.stdout;
  }
}

describe('the five-minute path, as runnable examples', () => {
  it('reads the open notices and verifies a certificate without a token', async () => {
    expect(await new Run('notices').finished()).toMatch(/^[1-9]\d* open notice\(s\)\n- .+\| until /m);
    expect(await new Run('verify-certificate', ['JL202600000099', '张伟']).finished()).toMatch(
      /^NOT_FOUND valid=false: .*[\u4e00-\u9fff]/,
    );
  });

  it('signs a unit agent in (the captcha read as a person would), follows the queue live, reads the unit’s declarations', async () => {
    const signIn = new Run('sign-in', [], {
      ZHICHENG_KIND: 'AGENT',
      ZHICHENG_ACCOUNT: '13700000011',
      ZHICHENG_CREDIT_CODE: DEMO_UNIT_CREDIT_CODE,
      ZHICHENG_PASSWORD: DEMO_PASSWORD,
    });
    await signIn.waitFor(/captcha: $/);
    signIn.child.stdin!.end(`${(await stack.latestCaptcha()).answer}\n`);
    expect(await signIn.finished()).toMatch(/signed in as 林晓 \(UNIT_AGENT\); token saved/);

    const follow = new Run('follow-queue', [], { ZHICHENG_MAX_EVENTS: '1' });
    try {
      await follow.waitFor(/\[connected\] pending: 0/);
      const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
      const unit = await bindToDemoUnit(stack, applicant, await demoAgent(stack));
      const declarationId = await submittedTitleDeclaration(stack, applicant, unit.name);
      await stack.settleEvents();
      await follow.waitFor(new RegExp(`queue ADDED ${declarationId}`));
      expect(await follow.finished()).toMatch(/\[changed\] pending: 1/);
    } finally {
      follow.child.kill();
    }

    expect(await new Run('unit-declarations').finished()).toMatch(
      /^吉林省长春市第一机械制造有限公司: 1 declaration\(s\)\n- \S+ 张伟 /m,
    );
  });

  it('a system of the unit: client created by its legal person, token without captcha, declarations, a verified webhook, a scope refused', async () => {
    // At least one declaration of the unit (the people's part, done by the harness).
    const applicant = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.李娜.mobile });
    const agent = await demoAgent(stack);
    const unit = await bindToDemoUnit(stack, applicant, agent);
    const declarationId = await submittedTitleDeclaration(stack, applicant, unit.name, DEMO_APPLICANTS.李娜);

    const signIn = new Run('sign-in', [], {
      ZHICHENG_KIND: 'LEGAL_PERSON',
      ZHICHENG_ACCOUNT: DEMO_UNIT_CREDIT_CODE,
      ZHICHENG_PASSWORD: DEMO_PASSWORD,
    });
    await signIn.waitFor(/captcha: $/);
    signIn.child.stdin!.end(`${(await stack.latestCaptcha()).answer}\n`);
    expect(await signIn.finished()).toMatch(/\(LEGAL_PERSON\); token saved/);

    const captchasBefore = await stack.latestCaptcha();
    expect(await new Run('client-credentials').finished()).toMatch(
      /^client \S+ \(人事管理系统\) created with declarations:read; .*\nclient token \(declarations:read\) saved to /m,
    );
    // Run again, it only asks for a new token (the client is kept), still without a captcha.
    expect(await new Run('client-credentials').finished()).toMatch(
      /^client token \(declarations:read\) saved to \S+, valid until /,
    );
    expect((await stack.latestCaptcha()).id).toBe(captchasBefore.id);

    const listed = await new Run('unit-declarations').finished();
    expect(listed).toMatch(/^吉林省长春市第一机械制造有限公司: [1-9]\d* declaration\(s\)$/m);
    expect(listed).toMatch(/^- ZC\S+ 李娜 已申报 submitted /m);

    const webhooks = new Run('webhooks', [], { ZHICHENG_WEBHOOK_PORT: '0', ZHICHENG_MAX_EVENTS: '1' });
    try {
      await webhooks.waitFor(
        /^receiver \S+ registered at http:\/\/127\.0\.0\.1:\d+\/ for declaration\.status_changed/m,
      );
      // An event for the receiver: the unit passes 李娜's declaration and forwards it (ADVANCED).
      await unitPassesAndForwards(stack, agent, declarationId);
      await webhooks.waitFor(
        /^accepted \S+: declaration\.status_changed \(signature verified\)\n {2}ZC\S+: \S+/m,
      );
      await webhooks.finished();
    } finally {
      webhooks.child.kill();
    }

    const refused = await new Run('scope-refused').finished();
    expect(refused).toMatch(
      /^unitBindingRequests: FORBIDDEN INSUFFICIENT_SCOPE \(needs bindings:read\) .*\n {2}→ the client lacks the scope bindings:read/m,
    );
    expect(refused).toMatch(/^token for bindings:read: 400 invalid_scope .*[\u4e00-\u9fff]/m);
  });

  it('shows each refusal with its code and what to do', async () => {
    const output = await new Run('errors').finished();
    expect(output).toMatch(
      /^bad input: BAD_USER_INPUT .*\n {2}→ fix the input and retry: input\.kind INVALID_ENUM/m,
    );
    expect(output).toMatch(/^forged token: UNAUTHENTICATED .*\n {2}→ token invalid: get a new token/m);
    expect(output).toMatch(
      /^query too complex: QUERY_TOO_COMPLEX .*\n {2}→ split the query: it broke the aliases limit \(max 15\)/m,
    );
  });

  it('verifies webhook signatures as Standard Webhooks specifies, and refuses tampered or stale deliveries', async () => {
    // The check itself meets the specification's test vector in examples/integrator/test.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const receiver = new Run('receive-webhooks', [], {
      ZHICHENG_WEBHOOK_SECRET: secret,
      ZHICHENG_WEBHOOK_PORT: '0',
      ZHICHENG_MAX_EVENTS: '1',
    });
    await receiver.waitFor(/listening on (http:\S+)/);
    const url = /listening on (http:\S+)/.exec(receiver.stdout)![1];
    const deliver = (body: string, timestamp: number, signedBody = body) => {
      const id = 'msg_zc_1';
      const signature = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
        .update(`${id}.${timestamp}.${signedBody}`)
        .digest('base64');
      return fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': `v1,${signature}`,
        },
        body,
      });
    };
    const now = Math.floor(Date.now() / 1000);
    const event = JSON.stringify({ type: 'declaration.submitted', data: { id: 'x' } });
    expect((await deliver(event, now, event.replace('x', 'y'))).status).toBe(401);
    expect((await deliver(event, now - 3600)).status).toBe(401);
    expect((await deliver(event, now)).status).toBe(204);
    expect(await receiver.finished()).toMatch(
      /rejected: no valid signature\nrejected: timestamp outside the tolerance\naccepted msg_zc_1: declaration\.submitted/,
    );
  });
});
