export { AttachmentCatalogueTable } from './AttachmentCatalogueTable';
export type { CatalogueSlotLike } from './AttachmentCatalogueTable';
export { ModuleNavigator, visibleModules } from './ModuleNavigator';
export type { FormModuleLike, ModuleMarker, ModuleNavigatorProps } from './ModuleNavigator';
export { NoticeNotes } from './NoticeNotes';
