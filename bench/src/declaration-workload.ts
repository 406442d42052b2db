import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { makeCreditCode, makeResidentId } from '@zhicheng/domain-codes';
import { Role } from '@zhicheng/server-kit';
import { testFiles } from '@zhicheng/testing';
import { DEMO_PASSWORD } from '@zhicheng/identity';
import { load, report, type LoadResult } from './support/load';
import {
  graphql,
  identityToken,
  inParallel,
  signIn,
  SqlCounter,
  startPlatform,
  type Platform,
} from './support/platform';

/**
 * The declaration work under load, each figure beside a peer run on the same data and process set:
 *
 *  (a) reading one full declaration (every module, attachments, validation report, business-form
 *      links: the wizard's own query) through the gateway vs straight from the declaration subgraph;
 *  (b) the applicant's home page for many applicants — myDeclarations with its Person and Unit
 *      references, and me { person { currentBinding declarations } } across identity, binding
 *      and declaration — through the gateway, vs the declaration subgraph's own list direct; with
 *      the SQL statements per request for 1, 4 and 8 declarations listed (must stay flat: no N+1);
 *  (c) saveDeclaration round trips (暂存, optimistic version +1 each) by concurrent, different
 *      applicants, through the gateway vs direct.
 *
 * How the applicants come to exist, honestly but without 200 captchas: persons are rows in
 * identity's person table (the demo applicant's password hash; identity's registration is not
 * what is measured), their tokens are signed by the running identity with its own key and claims
 * (support/platform.ts identityToken) and verified by everyone through identity's JWKS; the unit's
 * agent and the bureau staff sign in for real. Bindings go the production way: each applicant
 * requests through the gateway, the agent approves through the gateway, binding's BindingApproved
 * reaches declaration's read model through the event bus. Notices are created and published by the
 * bureau, drafts started by the applicants, files uploaded through the gateway's /files route.
 *
 * Environment: BENCH_SECONDS (8), BENCH_CONNECTIONS (20), BENCH_APPLICANTS (200),
 * BENCH_WARMUP_SECONDS (2), BENCH_ONLY (e.g. "a,c"), BENCH_SHOW_SQL (1: print the recorded statements),
 * DATABASE_URL (else an embedded PostgreSQL).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 200);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/** BENCH_SHOW_SQL=1 prints the statements of the requests recorded alone. */
const SHOW_SQL = process.env.BENCH_SHOW_SQL === '1';
const ONLY = new Set((process.env.BENCH_ONLY ?? 'a,b,c').split(',').map((s) => s.trim()));
/** Applicant i has drafts under the first 1 + (i mod NOTICES) notices: 1 … 8 declarations listed. */
const NOTICES = 8;
const UNIT_CREDIT_CODE = makeCreditCode('91220101MA0000001');
const AGENT_MOBILE = '13700000011';

// ---- documents -------------------------------------------------------------------------------

/** What the applicant wizard reads of one declaration (frontends/applicant-wizard WizardFields). */
const WIZARD_FIELDS = `fragment WizardFields on Declaration {
  id status statusText version category categoryText applicantName unitName returnOpinion
  createdAt updatedAt submittedAt pledgedAt daysLeft editableModules
  notice {
    id title opensAt closesAt daysLeft isOpen
    channel { code name groupName usesTitleCatalogue allowsExceptional }
    route { level name }
    formConfig {
      innovationTextLimit educationCertificateNumbers
      modules { key name required maxEntries filesPerEntry { min max formats maxSizeKb } }
      attachments { code name formats maxSizeKb maxCount required module }
    }
  }
  title { seriesName specialtyName scopeName titleName levelName }
  modules {
    basicInfo {
      name formerName gender ethnicity politicalStatus idType idNumber mobile birthDate educationLevel
      workStartDate personnelType workUnitName unitType workNature currentTitleName currentTitleDate
      appointmentDate practiceQualificationName practiceQualificationDate seriesCode specialtyCode
      scopeCode titleCode levelCode practisedSpecialtyCode yearsInSpecialty exceptionalKind
    }
    talentBasicInfo {
      name gender idType idNumber mobile birthDate educationLevel workUnitName post source
      introducedFrom serviceType previousCategoryCode previousRecognitionDate longTermContract
      contractStartDate standardCode levelCode
    }
    recommenders { id name idType idNumber workUnit title practisedSpecialty mobile reason }
    education { id school major educationLevel degree studyMode startDate endDate diplomaNumber degreeNumber source }
    continuingEducation { id studyMode content organiser startDate endDate hours }
    papers { id kind title publication publishedDate authorRole serialNumber }
    workExperience { id unit post startDate endDate duties }
    partTimePosts { id organisation supervisingDepartment post startDate endDate }
    enterpriseResults { id year enterpriseName enterpriseScale position specialisedAndNew description }
    innovation
    honours { id name grantedBy grantedDate rank }
    awards { id name grade personalRank grantedBy grantedDate }
    annualAssessments { id year result }
    workSummary
    otherMaterials { id name }
  }
  attachments { id fileName format sizeBytes uploadedAt downloadUrl slot { kind code module entryId } }
  validation { ok problems { module code message field } }
  businessForms { kind name url }
}`;

const READ_FULL = `query Declaration($id: ID!) { declaration(id: $id) { ...WizardFields } }\n${WIZARD_FIELDS}`;

const SAVE = `mutation SaveDeclaration($id: ID!, $expectedVersion: Int!, $input: DeclarationModulesInput!) {
  saveDeclaration(id: $id, expectedVersion: $expectedVersion, input: $input) { ...WizardFields }
}\n${WIZARD_FIELDS}`;

/** The wizard's 我的办件 row (DeclarationRowFields). */
const ROW = `id status statusText category categoryText unitName createdAt updatedAt submittedAt
  notice { id title closesAt isOpen channel { code name } }
  title { seriesName specialtyName scopeName titleName levelName }`;

/** The home page through the gateway: three subgraphs, Person and Unit references both ways. */
const HOME = `query Home {
  myDeclarations { ${ROW} applicant { id name } unit { id name } }
  me {
    accountId displayName
    person {
      id name idNumberMasked
      currentBinding { id statusText unit { id name } }
      declarations { id statusText notice { id title } }
    }
  }
}`;

/** The declaration subgraph's own share of the home page, asked of it directly. */
const MY_DIRECT = `query Mine { myDeclarations { ${ROW} applicant { id } unit { id } } }`;

// ---- data ------------------------------------------------------------------------------------

interface Applicant {
  id: string;
  name: string;
  idNumber: string;
  token: string;
  /** The draft under the first notice (the one (c) saves) and its version. */
  draftId: string;
  version: number;
  declarations: number;
}

const DAY = 24 * 3600 * 1000;

/** 基本信息 names the account holder and the bound unit (the service refuses anyone else). */
function basicInfo(name: string, idNumber: string, unitName: string) {
  return {
    name,
    gender: 'MALE',
    ethnicity: '汉族',
    politicalStatus: '群众',
    idType: 'RESIDENT_ID',
    idNumber,
    mobile: '13800000001',
    birthDate: '1985-01-01',
    educationLevel: '大学本科',
    workStartDate: '2010-07-01',
    personnelType: '专业技术人员',
    workUnitName: unitName,
    unitType: '企业',
    workNature: '应用',
    currentTitleName: '工程师',
    currentTitleDate: '2019-10-04',
    appointmentDate: '2019-10-20',
    seriesCode: 'ENG',
    specialtyCode: 'ENG.ME',
    scopeCode: 'ENG.ME.WELDING',
    titleCode: 'ENG.SENIOR_ENGINEER',
    levelCode: 'DEPUTY_SENIOR',
    practisedSpecialtyCode: 'ENG.ME.WELDING',
    yearsInSpecialty: 12,
  };
}

/** What 暂存 sends in (c): the required modules, with the same entry ids every time. */
function draftModules(name: string, idNumber: string, unitName: string, ids: string[]) {
  return {
    basicInfo: basicInfo(name, idNumber, unitName),
    education: [
      {
        id: ids[0],
        school: '吉林大学',
        major: '材料成型及控制工程',
        educationLevel: '大学本科',
        degree: '学士',
        studyMode: '全日制',
        startDate: '2006-09-01',
        endDate: '2010-07-01',
        diplomaNumber: '101831201005001234',
      },
    ],
    workExperience: [{ id: ids[1], unit: unitName, post: '焊接工程师', startDate: '2010-07-01' }],
    annualAssessments: [2023, 2024, 2025].map((year, i) => ({ id: ids[2 + i], year, result: 'COMPETENT' })),
  };
}

/** A full declaration for (a): every module of the title form (正常职称申报) filled. */
function fullModules(name: string, idNumber: string, unitName: string) {
  const id = () => randomUUID();
  return {
    ...draftModules(name, idNumber, unitName, [id(), id(), id(), id(), id()]),
    education: [
      {
        id: id(),
        school: '吉林大学',
        major: '材料成型及控制工程',
        educationLevel: '大学本科',
        degree: '学士',
        studyMode: '全日制',
        startDate: '2006-09-01',
        endDate: '2010-07-01',
        diplomaNumber: '101831201005001234',
      },
      {
        id: id(),
        school: '哈尔滨工业大学',
        major: '材料加工工程',
        educationLevel: '硕士研究生',
        degree: '硕士',
        studyMode: '在职',
        startDate: '2013-09-01',
        endDate: '2016-07-01',
        diplomaNumber: '102131201605004321',
      },
    ],
    continuingEducation: [
      {
        id: id(),
        studyMode: '线上',
        content: '焊接新工艺专题培训',
        organiser: '吉林省人力资源和社会保障厅',
        startDate: '2024-03-01',
        endDate: '2024-03-20',
        hours: 90,
      },
    ],
    papers: [
      {
        id: id(),
        kind: 'PAPER',
        title: '高强钢焊接接头残余应力控制研究',
        publication: '焊接学报',
        publishedDate: '2022-05-01',
        authorRole: '第一作者',
        serialNumber: 'CN 23-1178/TG',
      },
    ],
    workExperience: [
      { id: id(), unit: unitName, post: '焊接工程师', startDate: '2010-07-01', endDate: '2018-12-31' },
      {
        id: id(),
        unit: unitName,
        post: '焊接主任工程师',
        startDate: '2019-01-01',
        duties: '焊接工艺评定与攻关',
      },
    ],
    partTimePosts: [
      {
        id: id(),
        organisation: '吉林省焊接学会',
        supervisingDepartment: '吉林省科学技术协会',
        post: '理事',
        startDate: '2021-01-01',
      },
    ],
    honours: [
      {
        id: id(),
        name: '长春市技术能手',
        grantedBy: '长春市人民政府',
        grantedDate: '2021-05-01',
        rank: '市级',
      },
    ],
    awards: [
      {
        id: id(),
        name: '吉林省科学技术进步奖',
        grade: '三等奖',
        personalRank: 2,
        grantedBy: '吉林省人民政府',
        grantedDate: '2023-12-01',
      },
    ],
    workSummary: '任现职以来，负责公司焊接工艺管理与技术攻关。'.repeat(20),
    otherMaterials: [{ id: id(), name: '专利证书' }],
  };
}

// Smallest files the service accepts: it checks magic bytes, parses PDFs and measures the photo.
const files = {
  pdf: () => testFiles.pdf(),
  jpg: () => testFiles.jpg(),
  png: () => testFiles.png(),
};

async function upload(p: Platform, token: string, declarationId: string, slot: Record<string, string>) {
  const [bytes, type, name] =
    slot.code === 'PHOTO'
      ? [files.jpg(), 'image/jpeg', '证件照.jpg']
      : slot.code === 'ID_CARD'
        ? [files.png(), 'image/png', '身份证.png']
        : [files.pdf(), 'application/pdf', '证明材料.pdf'];
  const { requestUpload } = await graphql<{ requestUpload: { url: string } }>(
    p.gateway.url,
    token,
    `
      mutation (
        $declarationId: ID!
        $slot: AttachmentSlotInput!
        $fileName: String!
        $sizeBytes: Int!
        $contentType: String!
      ) {
        requestUpload(
          declarationId: $declarationId
          slot: $slot
          fileName: $fileName
          sizeBytes: $sizeBytes
          contentType: $contentType
        ) {
          url
        }
      }
    `,
    { declarationId, slot, fileName: name, sizeBytes: bytes.length, contentType: type },
  );
  const response = await fetch(new URL(requestUpload.url, p.gateway.origin), {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}` },
    body: new Uint8Array(bytes),
  });
  if (response.status !== 201) throw new Error(`upload refused: ${response.status} ${await response.text()}`);
}

interface Arranged {
  applicants: Applicant[];
  reader: Applicant;
  unitName: string;
}

async function arrange(p: Platform): Promise<Arranged> {
  const started = Date.now();
  const gw = p.gateway.url;
  const agentToken = await signIn(p, {
    kind: 'AGENT',
    creditCode: UNIT_CREDIT_CODE,
    account: AGENT_MOBILE,
    password: DEMO_PASSWORD,
  });
  const bureauToken = await signIn(p, { kind: 'STAFF', account: 'bureau.province', password: DEMO_PASSWORD });
  const { unitByCreditCode: unit } = await graphql<{ unitByCreditCode: { id: string; name: string } }>(
    gw,
    agentToken,
    'query($c: String!) { unitByCreditCode(creditCode: $c) { id name } }',
    { c: UNIT_CREDIT_CODE },
  );

  // Persons: APPLICANTS for (b)/(c) and one more, the reader of (a).
  const { rows } = await p.db.query<{ password_hash: string }>(
    `select password_hash from identity.person where mobile = '13800000001'`,
  );
  const people = Array.from({ length: APPLICANTS + 1 }, (_, i) => ({
    id: randomUUID(),
    name: `基准申报人${String(i + 1).padStart(3, '0')}`,
    idNumber: makeResidentId({
      region: '220102',
      // An odd sequence is a man's (basic info says MALE).
      birthDate: `1985${String(1 + Math.floor(i / 450)).padStart(2, '0')}01`,
      sequence: 1 + 2 * (i % 450),
    }),
    mobile: `135${String(i + 1).padStart(8, '0')}`,
  }));
  await p.db.query(
    `insert into identity.person (id, created_at, updated_at, password_hash, name, id_type, id_number, mobile)
     select unnest($1::uuid[]), now(), now(), $2, unnest($3::text[]), 'RESIDENT_ID', unnest($4::text[]), unnest($5::text[])`,
    [
      people.map((x) => x.id),
      rows[0].password_hash,
      people.map((x) => x.name),
      people.map((x) => x.idNumber),
      people.map((x) => x.mobile),
    ],
  );
  const tokens = await Promise.all(
    people.map((x) =>
      identityToken(p.identity, {
        accountId: x.id,
        kind: 'PERSON',
        roles: [Role.APPLICANT],
        displayName: x.name,
      }),
    ),
  );

  // Bindings the production way: request, approve, BindingApproved over the bus.
  const bindingIds = await inParallel(people, 4, async (_, i) => {
    const { requestBinding } = await graphql<{ requestBinding: { id: string } }>(
      gw,
      tokens[i],
      'mutation($u: ID!) { requestBinding(unitId: $u) { id } }',
      { u: unit.id },
    );
    return requestBinding.id;
  });
  await inParallel(bindingIds, 4, (id) =>
    graphql(
      gw,
      agentToken,
      'mutation($id: ID!) { decideBinding(id: $id, approve: true, opinion: "同意绑定") { id } }',
      {
        id,
      },
    ),
  );
  await p.settleEvents();

  // Notices: the open demo 正常职称申报 ones, and the bureau publishes more up to NOTICES.
  const { notices } = await graphql<{ notices: Array<{ id: string }> }>(
    gw,
    bureauToken,
    '{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id } }',
  );
  const noticeIds = notices.map((n) => n.id).slice(0, NOTICES);
  while (noticeIds.length < NOTICES) {
    const { createNotice } = await graphql<{ createNotice: { id: string } }>(
      gw,
      bureauToken,
      'mutation($input: NoticeInput!) { createNotice(input: $input) { id } }',
      {
        input: {
          channelCode: 'TITLE_NORMAL',
          title: `基准测试通知${noticeIds.length + 1}：2026年度专业技术职称评审`,
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
          notes: '请对照资格条件自评。',
          route: [
            { level: 'UNIT', name: '推荐单位' },
            { level: 'DEPARTMENT', name: '行政主管部门' },
            { level: 'BUREAU', name: '吉林省人力资源和社会保障厅' },
            { level: 'COMMITTEE', name: '职称评审委员会' },
          ],
        },
      },
    );
    await graphql(gw, bureauToken, 'mutation($id: ID!) { publishNotice(id: $id) { id } }', {
      id: createNotice.id,
    });
    noticeIds.push(createNotice.id);
  }

  // Drafts: applicant i under the first 1 + (i mod NOTICES) notices; the reader under the first.
  const wanted = people.flatMap((_, i) =>
    noticeIds.slice(0, i === APPLICANTS ? 1 : 1 + (i % NOTICES)).map((noticeId) => ({ i, noticeId })),
  );
  const drafts = await inParallel(wanted, 4, async ({ i, noticeId }) => {
    const { startDeclaration } = await graphql<{ startDeclaration: { id: string; version: number } }>(
      gw,
      tokens[i],
      'mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }',
      { n: noticeId },
    );
    return { i, noticeId, ...startDeclaration };
  });
  const applicants: Applicant[] = people.map((x, i) => {
    const first = drafts.find((d) => d.i === i && d.noticeId === noticeIds[0])!;
    return {
      id: x.id,
      name: x.name,
      idNumber: x.idNumber,
      token: tokens[i],
      draftId: first.id,
      version: first.version,
      declarations: drafts.filter((d) => d.i === i).length,
    };
  });
  const reader = applicants.pop()!;

  // The reader's declaration: every module saved, every file uploaded through /files.
  const { saveDeclaration } = await graphql<{
    saveDeclaration: {
      version: number;
      modules: Record<string, Array<{ id: string }> | null>;
      notice: { formConfig: { attachments: Array<{ code: string; required: boolean }> } };
    };
  }>(
    gw,
    reader.token,
    `
      mutation ($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
        saveDeclaration(id: $id, expectedVersion: $v, input: $input) {
          version
          modules {
            education {
              id
            }
            continuingEducation {
              id
            }
            papers {
              id
            }
            partTimePosts {
              id
            }
            honours {
              id
            }
            awards {
              id
            }
            otherMaterials {
              id
            }
          }
          notice {
            formConfig {
              attachments {
                code
                required
              }
            }
          }
        }
      }
    `,
    {
      id: reader.draftId,
      v: reader.version,
      input: fullModules(people[APPLICANTS].name, people[APPLICANTS].idNumber, unit.name),
    },
  );
  reader.version = saveDeclaration.version;
  const slots: Array<Record<string, string>> = [
    { kind: 'CATALOGUE', code: 'PHOTO' },
    { kind: 'CATALOGUE', code: 'ID_CARD' },
    { kind: 'CATALOGUE', code: 'ID_CARD' },
    { kind: 'CATALOGUE', code: 'CURRENT_TITLE_CERTIFICATE' },
    { kind: 'CATALOGUE', code: 'APPOINTMENT_DOCUMENT' },
    { kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' },
  ];
  const entryModules: Record<string, string> = {
    education: 'EDUCATION',
    continuingEducation: 'CONTINUING_EDUCATION',
    papers: 'PAPERS',
    partTimePosts: 'PART_TIME_POSTS',
    honours: 'HONOURS',
    awards: 'AWARDS',
    otherMaterials: 'OTHER_MATERIALS',
  };
  for (const [field, module] of Object.entries(entryModules))
    for (const entry of saveDeclaration.modules[field] ?? [])
      slots.push({ kind: 'ENTRY', module, entryId: entry.id });
  for (const slot of slots) await upload(p, reader.token, reader.draftId, slot);

  console.log(
    `set-up: ${people.length} persons bound to ${unit.name} through binding's events, ${noticeIds.length} notices, ` +
      `${drafts.length} drafts, a full declaration with ${slots.length} files, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return { applicants, reader, unitName: unit.name };
}

// ---- runs ------------------------------------------------------------------------------------

interface Run {
  title: string;
  url: string;
  script: Parameters<typeof load>[0]['script'];
}

/**
 * Warms both paths (JIT, pools, query plans, JWKS caches), then measures them one after the other;
 * `between` runs before every load (e.g. to pick up state the previous run left).
 */
async function sideBySide(
  runs: Run[],
  sql: SqlCounter,
  between?: () => Promise<void>,
): Promise<LoadResult[]> {
  for (const run of runs) {
    await between?.();
    await load({
      ...run,
      title: `warm-up ${run.title}`,
      connections: CONNECTIONS,
      seconds: WARMUP_SECONDS,
      sql,
    });
  }
  const results: LoadResult[] = [];
  for (const run of runs) {
    await between?.();
    results.push(await load({ ...run, connections: CONNECTIONS, seconds: SECONDS, sql }));
  }
  return results;
}

/** One request recorded alone (after the servers went quiet): its statements, by schema. */
async function alone(
  sql: SqlCounter,
  label: string,
  request: () => Promise<unknown>,
): Promise<{ statements: string[]; text: string }> {
  await sql.quiet();
  const statements = await sql.record(request);
  if (SHOW_SQL) console.log(`-- ${label}:\n${statements.join('\n')}`);
  const b = SqlCounter.breakdown(statements);
  return {
    statements,
    text: `${statements.length} (identity ${b.identity}, binding ${b.binding}, declaration ${b.declaration}, begin/commit ${b.transaction}, other ${b.other})`,
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function main() {
  const sql = new SqlCounter();
  sql.install();
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at start; Node ${process.version}.\n` +
      'The cores are shared with other work, and PostgreSQL, identity, binding, declaration, the gateway and ' +
      'autocannon all run on them (the four servers and autocannon in this one Node process): compare ratios, ' +
      'not absolute figures.\n',
  );
  const p = await startPlatform();
  try {
    await p.settleEvents();
    const { applicants, reader } = await arrange(p);
    console.log(
      `RSS of this process (all servers + load generator) after set-up: ${mb(process.memoryUsage().rss)} MB\n`,
    );
    console.log(
      `${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up per path; ` +
        'SQL/request = statements the servers sent for the run (until its last request finished) ÷ requests sent; event relays and listeners excluded.',
    );
    // Each section is printed as soon as it is measured.
    const print = (text: string) => console.log(`\n${text}`);

    if (ONLY.has('a')) {
      const body = JSON.stringify({ query: READ_FULL, variables: { id: reader.draftId } });
      const check = await graphql<{
        declaration: { validation: { ok: boolean; problems: unknown[] }; attachments: unknown[] };
      }>(p.gateway.url, reader.token, READ_FULL, { id: reader.draftId });
      const script = () => ({ next: () => ({ headers: bearer(reader.token), body }) });
      const runs = await sideBySide(
        [
          { title: 'declaration subgraph direct', url: p.declaration.url, script },
          { title: 'through gateway', url: p.gateway.url, script },
        ],
        sql,
      );
      const one = await alone(sql, 'full read through the gateway', () =>
        graphql(p.gateway.url, reader.token, READ_FULL, { id: reader.draftId }),
      );
      print(
        `(a) one full declaration (the wizard's WizardFields: every module, ${check.declaration.attachments.length} attachments, ` +
          `validation ${check.declaration.validation.ok ? 'ok' : `${check.declaration.validation.problems.length} problems`}, business-form links), ` +
          `${body.length} bytes of query\n\n${report(runs)}\n\nSQL statements of one read alone: ${one.text}.`,
      );
    }

    if (ONLY.has('b')) {
      // Every connection walks its own slice of the applicants, one applicant per request.
      const rotating = (query: string) => (connection: number) => {
        let turn = 0;
        const body = JSON.stringify({ query });
        return {
          next: () => {
            const a = applicants[(connection + CONNECTIONS * turn++) % applicants.length];
            return { headers: bearer(a.token), body };
          },
        };
      };
      const runs = await sideBySide(
        [
          {
            title: 'myDeclarations, declaration subgraph direct',
            url: p.declaration.url,
            script: rotating(MY_DIRECT),
          },
          { title: 'home page (3 subgraphs) through gateway', url: p.gateway.url, script: rotating(HOME) },
        ],
        sql,
      );
      // One request at a time, recorded: statements per request by how many declarations are listed.
      const lines = [
        '| declarations listed | path | statements | identity | binding | declaration | begin/commit | other |',
        '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ];
      const totals: number[] = [];
      for (const listed of [1, 4, NOTICES]) {
        const a = applicants.find((x) => x.declarations === listed)!;
        for (const [path, url, query] of [
          ['gateway: home page', p.gateway.url, HOME],
          ['direct: myDeclarations', p.declaration.url, MY_DIRECT],
        ] as const) {
          let answer: { myDeclarations: unknown[] } | undefined;
          await graphql(url, a.token, query); // warm this applicant's path
          const statements = await sql.record(async () => {
            answer = await graphql<{ myDeclarations: unknown[] }>(url, a.token, query);
          });
          if (answer?.myDeclarations.length !== listed)
            throw new Error(`expected ${listed} declarations, got ${answer?.myDeclarations.length}`);
          const b = SqlCounter.breakdown(statements);
          if (SHOW_SQL) console.log(`-- ${path}, ${listed} listed:\n${statements.join('\n')}`);
          if (path.startsWith('gateway')) totals.push(statements.length);
          lines.push(
            `| ${listed} | ${path} | ${statements.length} | ${b.identity} | ${b.binding} | ${b.declaration} | ${b.transaction} | ${b.other} |`,
          );
        }
      }
      // No N+1 means the count does not grow with the declarations listed; the first request may
      // pay a one-off statement or two (a cold loader), which is not growth.
      const flat = totals.every((t) => t <= totals[0]);
      if (!flat) process.exitCode = 1;
      print(
        `(b) home page for ${applicants.length} applicants (each request another applicant; 1–${NOTICES} declarations each)\n\n` +
          `${report(runs)}\n\nSQL statements per request (one request alone, recorded):\n\n${lines.join('\n')}\n\n` +
          (flat
            ? `No N+1: the home page costs at most ${totals[0]} statements whether 1, 4 or ${NOTICES} declarations are listed (${totals.join(' → ')}).`
            : `N+1 WARNING: statements grow with the declarations listed (${totals.join(' → ')}).`),
      );
    }

    if (ONLY.has('c')) {
      const savers = applicants.slice(0, CONNECTIONS);
      const inputs = savers.map((saver) =>
        draftModules(
          saver.name,
          saver.idNumber,
          '吉林省长春市第一机械制造有限公司',
          Array.from({ length: 5 }, () => randomUUID()),
        ),
      );
      // autocannon abandons the requests in flight when a run ends, and the server may still commit
      // them: each run starts from the versions stored, as a wizard reloading the draft would.
      const resync = async () => {
        await sql.quiet();
        const { rows } = await p.db.query<{ id: string; version: number }>(
          'select id, version from declaration.declaration where id = any($1::uuid[])',
          [savers.map((a) => a.draftId)],
        );
        for (const row of rows) savers.find((a) => a.draftId === row.id)!.version = Number(row.version);
      };
      await resync();
      const before = savers.reduce((n, a) => n + a.version, 0);
      // Each connection saves its own applicant's draft, carrying the version each answer returns.
      let answered = 0;
      let skipped = 0;
      const script = (connection: number) => {
        const a = savers[connection % savers.length];
        const input = inputs[connection % savers.length];
        return {
          next: () => ({
            headers: bearer(a.token),
            body: JSON.stringify({
              query: SAVE,
              variables: { id: a.draftId, expectedVersion: a.version, input },
            }),
          }),
          answered: (_status: number, body: string) => {
            const version = /"version":(\d+)/.exec(body)?.[1];
            if (version) {
              if (Number(version) !== a.version + 1) skipped += 1;
              a.version = Number(version);
              answered += 1;
            }
          },
        };
      };
      const runs = await sideBySide(
        [
          { title: 'saveDeclaration, declaration subgraph direct', url: p.declaration.url, script },
          { title: 'saveDeclaration through gateway', url: p.gateway.url, script },
        ],
        sql,
        resync,
      );
      await resync();
      if (skipped > 0) process.exitCode = 1;
      const committed = savers.reduce((n, a) => n + a.version, 0) - before;
      const saver = savers[0];
      const one = await alone(sql, 'one save through the gateway', async () => {
        const { saveDeclaration } = await graphql<{ saveDeclaration: { version: number } }>(
          p.gateway.url,
          saver.token,
          SAVE,
          { id: saver.draftId, expectedVersion: saver.version, input: inputs[0] },
        );
        saver.version = saveDeclaration.version;
      });
      print(
        `(c) saveDeclaration (暂存 of the required modules, answering WizardFields) by ${savers.length} different applicants at once\n\n` +
          `${report(runs)}\n\n${skipped === 0 ? 'No conflicts: every answer carried version + 1' : `${skipped} answers did NOT carry version + 1`}; ${answered} saves answered, ` +
          `${committed} committed (the difference: requests in flight when a run stopped).\n\n` +
          `SQL statements of one save alone: ${one.text}.`,
      );
    }

    console.log(
      `\nRSS of this process at the end: ${mb(process.memoryUsage().rss)} MB; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}.`,
    );
  } finally {
    await p.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
