// bureau-dashboard's texts (namespace "bureau"). Chinese first; English mirrors the keys.
// The review pages themselves take their words from the web kit's "review" namespace.
import { registerTranslations } from '@zhicheng/web-kit';

const zhCN = {
  home: '首页',
  notFound: '页面不存在',
  review: '业务审核',
  committee: '评审结果',
  opinions: '常用意见管理',
};

const en: typeof zhCN = {
  home: 'Home',
  notFound: 'Page not found',
  review: 'Review',
  committee: 'Committee results',
  opinions: 'My common opinions',
};

registerTranslations('bureau', { 'zh-CN': zhCN, en });
