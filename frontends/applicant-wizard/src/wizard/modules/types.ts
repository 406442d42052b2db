import type { WizardDeclaration } from '../context';

export type ModuleConfigOf = WizardDeclaration['notice']['formConfig']['modules'][number];
export type SlotConfigOf = WizardDeclaration['notice']['formConfig']['attachments'][number];
