// unit-audit's texts (namespace "unitAudit"). Chinese first; English mirrors the keys.
import { registerTranslations } from '@zhicheng/web-kit';

const zhCN = {
  home: '首页',
  notFound: '页面不存在',
  forbidden: '仅单位法人可以管理经办人。',
  agents: {
    title: '经办人管理',
    create: '新增经办人',
    empty: '暂无经办人，点击“新增经办人”创建。',
    total: '共 {{count}} 名经办人',
    loadFailed: '经办人列表加载失败',
    columns: {
      name: '姓名',
      mobile: '手机号',
      idNumber: '身份证号',
      status: '状态',
      createdAt: '创建时间',
      lastSignInAt: '最近登录',
      actions: '操作',
    },
    status: { enabled: '启用', disabled: '停用' },
    neverSignedIn: '从未登录',
    actions: { edit: '编辑', enable: '启用', disable: '停用', resetPassword: '重置密码' },
    confirmDisable: '确定停用经办人“{{name}}”吗？',
    confirmDisableHint: '停用后该经办人将无法登录。',
    confirmEnable: '确定启用经办人“{{name}}”吗？',
    enabled: '已启用经办人“{{name}}”',
    disabled: '已停用经办人“{{name}}”',
    created: '已创建经办人“{{name}}”',
    updated: '已保存经办人“{{name}}”',
    passwordReset: '已重置经办人“{{name}}”的密码',
  },
  agentForm: {
    createTitle: '新增经办人',
    editTitle: '编辑经办人',
    name: '姓名',
    mobile: '手机号',
    idNumber: '身份证号',
    idNumberKeep: '不修改请留空（当前：{{masked}}）',
    password: '初始密码',
    passwordNote: '请将初始密码当面或通过安全渠道告知经办人。',
    nothingChanged: '没有需要保存的修改',
  },
  resetPassword: {
    title: '重置密码：{{name}}',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
  },
};

type UnitAuditResources = typeof zhCN;

const en: UnitAuditResources = {
  home: 'Home',
  notFound: 'Page not found',
  forbidden: 'Only the unit’s legal person can manage agents.',
  agents: {
    title: 'Agents',
    create: 'New agent',
    empty: 'No agents yet. Click “New agent” to create one.',
    total: '{{count}} agent(s)',
    loadFailed: 'The agent list failed to load',
    columns: {
      name: 'Name',
      mobile: 'Mobile',
      idNumber: 'ID number',
      status: 'Status',
      createdAt: 'Created',
      lastSignInAt: 'Last sign-in',
      actions: 'Actions',
    },
    status: { enabled: 'Enabled', disabled: 'Disabled' },
    neverSignedIn: 'Never',
    actions: { edit: 'Edit', enable: 'Enable', disable: 'Disable', resetPassword: 'Reset password' },
    confirmDisable: 'Disable agent “{{name}}”?',
    confirmDisableHint: 'A disabled agent cannot sign in.',
    confirmEnable: 'Enable agent “{{name}}”?',
    enabled: 'Agent “{{name}}” enabled',
    disabled: 'Agent “{{name}}” disabled',
    created: 'Agent “{{name}}” created',
    updated: 'Agent “{{name}}” saved',
    passwordReset: 'Password of “{{name}}” reset',
  },
  agentForm: {
    createTitle: 'New agent',
    editTitle: 'Edit agent',
    name: 'Name',
    mobile: 'Mobile',
    idNumber: 'ID number',
    idNumberKeep: 'Leave empty to keep (now {{masked}})',
    password: 'Initial password',
    passwordNote: 'Give the initial password to the agent in person or through a secure channel.',
    nothingChanged: 'Nothing to save',
  },
  resetPassword: {
    title: 'Reset password: {{name}}',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
  },
};

registerTranslations('unitAudit', { 'zh-CN': zhCN, en });
