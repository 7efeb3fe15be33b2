/** Shared small types of the rule base that the model layer needs. */
export type TaskMix = Readonly<Record<string, number>>;
export type Lang = 'en' | 'zh';
